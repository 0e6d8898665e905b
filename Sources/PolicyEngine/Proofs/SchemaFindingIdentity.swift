import PolicySQL
import PolicySyntax

/// What a finding about the schema around the policies is (a `sidechannel.*` or
/// `performance.*` diagnostic, SPEC 11.11), independent of where its text sits: its kind, the
/// object it is about and a hash of its message (which names the object, the tables, the roles
/// and the fix, never a file or line). Moving the statement in the schema file keeps it; another
/// grantee, table or column makes a new one. `pgpe analyze --baseline` compares these along with
/// the verdicts' `FindingIdentity` (docs/baseline.md).
public struct SchemaFindingIdentity: Hashable, Sendable, Comparable {
    /// The diagnostic kind's id (`sidechannel.view-definer`).
    public var finding: String
    /// The object (`DiagnosticSubject.object`), when the finding names one.
    public var object: String?
    /// 8 hex digits of the FNV-1a hash of the message.
    public var detail: String

    /// Creates an identity from its parts (read from a baseline file).
    public init(finding: String, object: String?, detail: String) {
        self.finding = finding
        self.object = object
        self.detail = detail
    }

    /// The identity of `diagnostic` (as found, before an `accept:` entry rewrites its message).
    public init(_ diagnostic: Diagnostic) {
        self.init(finding: diagnostic.id, object: diagnostic.subject?.object, detail: PolicyNaming.hash(diagnostic.message))
    }

    /// Whether `diagnostic` is a finding a baseline records: of an acceptable kind, at least a
    /// warning (what `--strict` fails on), and not accepted.
    public static func isFinding(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.kind.isAcceptable && diagnostic.acceptance == nil && diagnostic.severity >= .warning
    }

    /// The text of the identity for messages and sorting: `finding object detail`.
    public var description: String {
        [finding, object ?? "-", detail].joined(separator: " ")
    }

    public static func < (lhs: SchemaFindingIdentity, rhs: SchemaFindingIdentity) -> Bool {
        lhs.description < rhs.description
    }
}
