import Foundation
import JSON
import PolicyEngine

/// The file of `pgpe analyze --baseline` and `--write-baseline` (docs/baseline.md): the
/// identities of the findings it records (verdicts, then findings about the schema around the
/// policies), as pretty JSON with deterministic bytes (sorted, without duplicates, no timestamps).
enum BaselineFile {
    /// The format's version.
    static let version = 1

    /// What a baseline records.
    struct Contents: Equatable {
        /// The FAILED and UNKNOWN verdicts.
        var verdicts: Set<FindingIdentity> = []
        /// The `sidechannel.*` and `performance.*` findings.
        var findings: Set<SchemaFindingIdentity> = []
    }

    /// The document recording `contents`.
    static func json(_ contents: Contents) -> JSONValue {
        var entries: [JSONValue] = contents.verdicts.sorted().map { identity in
            [
                "proof": .string(identity.proof), "table": .string(identity.table),
                "command": identity.command.map { .string($0) } ?? .null, "role": .string(identity.role),
                "side": .string(identity.side), "key": identity.key.map { .string($0) } ?? .null,
                "status": .string(identity.status), "clauses": .string(identity.clauses),
            ]
        }
        for identity in contents.findings.sorted() {
            entries.append(
                [
                    "finding": .string(identity.finding), "object": identity.object.map { .string($0) } ?? .null,
                    "detail": .string(identity.detail),
                ])
        }
        return ["version": .integer(version), "findings": .array(entries)]
    }

    /// The findings a document records; throws `ToolFailure` naming `path` when it is not one.
    static func contents(_ value: JSONValue, path: String) throws -> Contents {
        guard value["version"]?.int == version, let entries = value["findings"]?.array else {
            throw ToolFailure("--baseline: \(path) is not a pgpe baseline (version \(version)); write one with --write-baseline")
        }
        var result = Contents()
        for (index, entry) in entries.enumerated() {
            func text(_ key: String) -> String? { entry[key]?.string }
            if let finding = text("finding") {
                guard let detail = text("detail") else {
                    throw ToolFailure("--baseline: \(path): finding \(index + 1) (\(finding)) lacks detail")
                }
                result.findings.insert(SchemaFindingIdentity(finding: finding, object: text("object"), detail: detail))
                continue
            }
            guard let proof = text("proof"), let table = text("table"), let role = text("role"), let side = text("side"),
                let status = text("status"), let clauses = text("clauses")
            else {
                throw ToolFailure("--baseline: \(path): finding \(index + 1) lacks proof, table, role, side, status or clauses")
            }
            result.verdicts.insert(
                FindingIdentity(
                    proof: proof, table: table, command: text("command"), role: role, side: side, key: text("key"), status: status,
                    clauses: clauses))
        }
        return result
    }

    /// Reads the findings of the baseline at `path`.
    static func read(_ path: String) throws -> Contents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolFailure("--baseline: cannot read \(path)")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw ToolFailure("--baseline: \(path) is not valid JSON: \(error)")
        }
        return try contents(value, path: path)
    }

    /// Writes a baseline recording `contents` to `path`.
    static func write(_ contents: Contents, to path: String) throws {
        let bytes = json(contents).serialized(.pretty) + [UInt8(ascii: "\n")]
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ToolFailure("--write-baseline: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
