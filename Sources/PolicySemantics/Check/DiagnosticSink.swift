import PolicySchema
import PolicySyntax

/// Collects diagnostics without duplicates, and merges per-table reports of the same mistake at
/// the same place into one message naming every table.
struct DiagnosticSink: Sendable {
    private struct TableKey: Hashable {
        var kind: DiagnosticKind
        var location: FileLocation
        var detail: String
    }

    private struct TableEntry: Sendable {
        var tables: [QualifiedName]
        var render: @Sendable ([QualifiedName]) -> String
        var fixIts: [FixIt]
        var order: Int
    }

    private(set) var diagnostics: [Diagnostic] = []
    private var seen = Set<Diagnostic>()
    private var perTable: [TableKey: TableEntry] = [:]
    private var counter = 0

    /// Adds a diagnostic unless the same one was added before.
    mutating func add(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Adds a diagnostic of `kind` for one table; reports of the same kind, location and `detail`
    /// for other tables are merged, and `render` receives every table.
    mutating func add(
        _ kind: DiagnosticKind, location: FileLocation, table: QualifiedName, detail: String,
        fixIts: [FixIt] = [], render: @escaping @Sendable ([QualifiedName]) -> String
    ) {
        let key = TableKey(kind: kind, location: location, detail: detail)
        if var entry = perTable[key] {
            if !entry.tables.contains(table) { entry.tables.append(table) }
            perTable[key] = entry
        } else {
            counter += 1
            perTable[key] = TableEntry(tables: [table], render: render, fixIts: fixIts, order: counter)
        }
    }

    /// Adds everything `other` collected, after what this sink holds (per-table reports with the
    /// same key merge as if they had been added here).
    mutating func absorb(_ other: DiagnosticSink) {
        for diagnostic in other.diagnostics { add(diagnostic) }
        for (key, entry) in other.perTable.sorted(by: { $0.value.order < $1.value.order }) {
            if var existing = perTable[key] {
                for table in entry.tables where !existing.tables.contains(table) { existing.tables.append(table) }
                perTable[key] = existing
            } else {
                counter += 1
                var moved = entry
                moved.order = counter
                perTable[key] = moved
            }
        }
    }

    /// The same diagnostics after the text of `path` moved `delta` bytes.
    func shifted(by delta: Int, in path: String) -> DiagnosticSink {
        var result = DiagnosticSink()
        for diagnostic in diagnostics { result.add(diagnostic.shifted(by: delta, in: path)) }
        for (key, entry) in perTable {
            var moved = entry
            moved.fixIts = entry.fixIts.map { $0.shifted(by: delta, in: path) }
            result.perTable[TableKey(kind: key.kind, location: key.location.shifted(by: delta, in: path), detail: key.detail)] = moved
        }
        result.counter = counter
        return result
    }

    /// All diagnostics, per-table ones merged, sorted by file and position.
    func finish() -> [Diagnostic] {
        var result = diagnostics
        for (key, entry) in perTable.sorted(by: { $0.value.order < $1.value.order }) {
            result.append(
                Diagnostic(
                    key.kind, message: entry.render(entry.tables.sorted()),
                    location: key.location, fixIts: entry.fixIts))
        }
        return result.sorted {
            if $0.location.file != $1.location.file { return $0.location.file < $1.location.file }
            if $0.range != $1.range { return $0.range < $1.range }
            return $0.id < $1.id
        }
    }

    /// "public.a", "public.a and public.b", "public.a, public.b and 3 more tables".
    static func list(_ tables: [QualifiedName]) -> String {
        switch tables.count {
        case 0: return ""
        case 1: return tables[0].description
        case 2: return "\(tables[0]) and \(tables[1])"
        case 3: return "\(tables[0]), \(tables[1]) and \(tables[2])"
        default: return "\(tables[0]), \(tables[1]) and \(tables.count - 2) more tables"
        }
    }
}
