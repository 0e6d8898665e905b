import Foundation
import PolicySyntax

/// What `Checker` worked out for each file on its own (checked policies and grants, their
/// diagnostics, session types inferred from them), kept between runs so that an editor's
/// re-check after an edit redoes only the files that changed. Reused only while the
/// configuration and schema stay equal; a file is reused when its `SourceFile` is the same
/// object as before. Thread-safe; one run at a time is expected.
public final class CheckCache: @unchecked Sendable {
    /// The per-file results.
    struct Entry {
        var source: SourceFile
        var policies: [CheckedPolicy]
        var grants: [CheckedGrant]
        var sink: DiagnosticSink
        var inferredSessionTypes: [String: [(SQLType, FileLocation)]]
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
