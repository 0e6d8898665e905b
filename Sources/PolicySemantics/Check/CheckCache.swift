import Foundation
import PolicySyntax

/// What `Checker` worked out for each file on its own (checked policies and grants, their
/// diagnostics, session types inferred from them), kept between runs so that an editor's
/// re-check after an edit redoes only what changed: a file whose `SourceFile` is the same
/// object is reused whole, and in a changed file every item (policy or grant) that starts at
/// the same offset with the same bytes is reused. Valid while the configuration and schema
/// stay equal. Thread-safe; one run at a time is expected.
public final class CheckCache: @unchecked Sendable {
    /// One item's results.
    struct Item {
        /// The text the item was checked in (its bytes in `range` are the item's).
        var source: SourceFile
        /// The item's range.
        var range: SourceRange
        /// The checked policy, when the item is one.
        var policy: CheckedPolicy?
        /// The checked grant, when the item is one.
        var grant: CheckedGrant?
        /// Its diagnostics.
        var sink = DiagnosticSink()
        /// The session types it implies.
        var inferredSessionTypes: [String: [(SQLType, FileLocation)]] = [:]

        /// An item not checked yet.
        init(source: SourceFile, range: SourceRange) {
            self.source = source
            self.range = range
        }
    }

    /// One file's results: its items, and their union.
    struct Entry {
        /// The text checked.
        var source: SourceFile
        /// Its items, in order.
        var items: [Item]
        /// The items' policies.
        var policies: [CheckedPolicy]
        /// The items' grants.
        var grants: [CheckedGrant]
        /// The items' diagnostics.
        var sink: DiagnosticSink
        /// The session types the items imply.
        var inferredSessionTypes: [String: [(SQLType, FileLocation)]]

        /// A file made of `items`, their results united.
        init(source: SourceFile, items: [Item]) {
            self.source = source
            self.items = items
            policies = items.compactMap(\.policy)
            grants = items.compactMap(\.grant)
            sink = DiagnosticSink()
            inferredSessionTypes = [:]
            for item in items {
                sink.absorb(item.sink)
                for (key, uses) in item.inferredSessionTypes { inferredSessionTypes[key, default: []].append(contentsOf: uses) }
            }
        }
    }

    private let lock = NSLock()
    private var config: ProjectConfig?
    private var schema: SchemaModel?
    private var entries: [String: Entry] = [:]

    /// An empty cache.
    public init() {}

    /// The number of files remembered.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }

    /// Forgets everything.
    public func removeAll() {
        lock.lock()
        entries = [:]
        config = nil
        schema = nil
        lock.unlock()
    }

    /// The entries usable with this configuration and schema (none when either changed).
    func begin(config: ProjectConfig, schema: SchemaModel?) -> [String: Entry] {
        lock.lock()
        defer { lock.unlock() }
        guard self.config == config, self.schema == schema else {
            self.config = config
            self.schema = schema
            entries = [:]
            return [:]
        }
        return entries
    }

    /// Keeps the entries of the run that just finished (files that are gone are forgotten).
    func finish(_ entries: [String: Entry]) {
        lock.lock()
        self.entries = entries
        lock.unlock()
    }
}
