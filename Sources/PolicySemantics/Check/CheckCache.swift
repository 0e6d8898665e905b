import PolicyConfig
import PolicySchema
import PolicySyntax
import Synchronization

/// What `Checker` worked out for each file on its own (checked policies, grants and GOVERN items, their
/// diagnostics, session types inferred from them), kept between runs so that an editor's
/// re-check after an edit redoes only what changed: a file whose `SourceFile` is the same
/// object is reused whole, and in a changed file every item (policy, grant or GOVERN) with the same
/// bytes at the same offset, or at the same distance from the end of the file (moved by an
/// edit before it), is reused (moved along in the second case). Valid while the configuration and schema
/// stay equal. Thread-safe; one run at a time is expected.
public final class CheckCache: Sendable {
    /// One item's results.
    struct Item: Sendable {
        /// The text the item was checked in (its bytes in `range` are the item's).
        var source: SourceFile
        /// The item's range.
        var range: SourceRange
        /// The checked policy, when the item is one.
        var policy: CheckedPolicy?
        /// The checked grant, when the item is one.
        var grant: CheckedGrant?
        /// The checked `GOVERN` item, when the item is one.
        var govern: CheckedGovern?
        /// Its diagnostics.
        var sink = DiagnosticSink()
        /// The session types it implies.
        var inferredSessionTypes: [String: [(SQLType, FileLocation)]] = [:]

        /// An item not checked yet.
        init(source: SourceFile, range: SourceRange) {
            self.source = source
            self.range = range
        }

        /// The same item found with the same bytes at `range` of `source` (the next text of
        /// its file), as parsed there (`syntax`); its results move with it when an edit before
        /// it moved it.
        func moved(to source: SourceFile, range: SourceRange, syntax: ItemSyntax) -> Item {
            var result = self
            result.source = source
            result.range = range
            let delta = range.start - self.range.start
            guard delta != 0 else { return result }
            let path = source.path
            switch syntax {
            case .policy(let declaration): result.policy = policy?.shifted(by: delta, in: path, syntax: declaration)
            case .grant(let declaration): result.grant = grant?.shifted(by: delta, in: path, syntax: declaration)
            case .govern(let declaration): result.govern = govern?.shifted(by: delta, in: path, syntax: declaration)
            }
            result.sink = sink.shifted(by: delta, in: path)
            result.inferredSessionTypes = inferredSessionTypes.mapValues { uses in
                uses.map { ($0.0, $0.1.shifted(by: delta, in: path)) }
            }
            return result
        }
    }

    /// One file's results: its items, and their union.
    struct Entry: Sendable {
        /// The text checked.
        var source: SourceFile
        /// Its items, in order.
        var items: [Item]
        /// The items' policies.
        var policies: [CheckedPolicy]
        /// The items' grants.
        var grants: [CheckedGrant]
        /// The items' `GOVERN` items.
        var governs: [CheckedGovern]
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
            governs = items.compactMap(\.govern)
            sink = DiagnosticSink()
            inferredSessionTypes = [:]
            for item in items {
                sink.absorb(item.sink)
                for (key, uses) in item.inferredSessionTypes { inferredSessionTypes[key, default: []] += uses }
            }
        }
    }

    /// What the cache holds: the configuration and schema the entries are valid with, the
    /// entries, and how many items the last run checked.
    private struct State {
        var config: ProjectConfig?
        var schema: SchemaModel?
        var entries: [String: Entry] = [:]
        var checked = 0
    }

    private let state = Mutex(State())

    /// An empty cache.
    public init() {}

    /// How many items (policies and grants) the last run checked; the others it reused.
    public var lastRunChecked: Int {
        state.withLock { $0.checked }
    }

    /// The number of files remembered.
    public var count: Int {
        state.withLock { $0.entries.count }
    }

    /// Forgets everything.
    public func removeAll() {
        state.withLock { state in
            state.entries = [:]
            state.config = nil
            state.schema = nil
        }
    }

    /// The entries usable with this configuration and schema (none when either changed).
    func begin(config: ProjectConfig, schema: SchemaModel?) -> [String: Entry] {
        state.withLock { state in
            guard state.config == config, state.schema == schema else {
                state.config = config
                state.schema = schema
                state.entries = [:]
                return [:]
            }
            return state.entries
        }
    }

    /// Keeps the entries of the run that just finished (files that are gone are forgotten) and
    /// how many items it checked.
    func finish(_ entries: [String: Entry], checked: Int) {
        state.withLock { state in
            state.entries = entries
            state.checked = checked
        }
    }
}
