import PolicySyntax

/// Evaluates a selector on tables (SPEC 4.3).
public enum SelectorEvaluator {
    /// Whether `selector` matches `table`. A `missing` selector matches nothing.
    public static func matches(_ selector: SelectorSyntax, table: TableModel) -> Bool {
        CompiledSelector(selector).matches(table)
    }

    /// The tables among `tables` that `selector` matches, in order.
    public static func filter(_ selector: SelectorSyntax, _ tables: [TableModel]) -> [QualifiedName] {
        filter(selector, TableIndex(tables))
    }

    /// The tables of `index` that `selector` matches, in order. Selectors that name tables
    /// (`named('tasks') OR named('files')`) look them up instead of scanning every table.
    public static func filter(_ selector: SelectorSyntax, _ index: TableIndex) -> [QualifiedName] {
        let compiled = CompiledSelector(selector)
        var result: [QualifiedName] = []
        guard let keys = compiled.candidateKeys else {
            for position in index.tables.indices where compiled.matches(index.tables[position]) {
                result.append(index.tables[position].name)
            }
            return result
        }
        var candidates: [Int] = []
        for key in keys {
            switch key {
            case .name(let name): candidates.append(contentsOf: index.byName[name] ?? [])
            case .length(let length): candidates.append(contentsOf: index.byLength[length] ?? [])
            }
        }
        candidates.sort()
        var previous = -1
        for position in candidates where position != previous {
            previous = position
            if compiled.matches(index.tables[position]) { result.append(index.tables[position].name) }
        }
        return result
    }
}

/// Tables indexed by bare name, for selectors that name tables.
public struct TableIndex: Sendable {
    /// The tables, in order.
    public let tables: [TableModel]
    /// Bare table name to positions in `tables`.
    let byName: [String: [Int]]
    /// Length of the bare name (in Unicode scalars) to positions in `tables`.
    let byLength: [Int: [Int]]

    /// Indexes `tables`.
    public init(_ tables: [TableModel]) {
        self.tables = tables
        var byName: [String: [Int]] = [:]
        var byLength: [Int: [Int]] = [:]
        for (position, table) in tables.enumerated() {
            byName[table.name.name, default: []].append(position)
            byLength[table.name.name.unicodeScalars.count, default: []].append(position)
        }
        self.byName = byName
        self.byLength = byLength
    }
}

/// A selector prepared for matching many tables: LIKE patterns split once, exact names compared
/// directly, type names normalized once.
indirect enum CompiledSelector {
    case all
    case hasColumn(String, type: String?)
    case inSchema(String)
    case exactName(String)
    case prefixName(String)
    case pattern([LikePattern.Piece])
    case tagged(String)
    case not(CompiledSelector)
    case and([CompiledSelector])
    case or([CompiledSelector])
    case nothing

    init(_ selector: SelectorSyntax) {
        switch selector.kind {
        case .all: self = .all
        case .hasColumn(let name, let type):
            self = .hasColumn(name.identifier, type: type.map { SQLType.normalize($0.identifier).name })
        case .inSchema(let schema): self = .inSchema(schema.identifier)
        case .named(let pattern):
            let pieces = LikePattern.pieces(pattern.value)
            var literal = String.UnicodeScalarView()
            var exact = true
            for piece in pieces {
                if case .character(let scalar) = piece { literal.append(scalar) } else { exact = false; break }
            }
            if exact {
                self = .exactName(String(literal))
            } else if pieces.last == .anyRun, pieces.dropLast().allSatisfy({ if case .character = $0 { return true } else { return false } }) {
                var prefix = String.UnicodeScalarView()
                for case .character(let scalar) in pieces.dropLast() { prefix.append(scalar) }
                self = .prefixName(String(prefix))
            } else {
                self = .pattern(pieces)
            }
        case .tagged(let tag): self = .tagged(tag.value)
        case .not(let inner): self = .not(CompiledSelector(inner))
        case .and(let terms): self = .and(terms.map(CompiledSelector.init))
        case .or(let terms): self = .or(terms.map(CompiledSelector.init))
        case .parenthesized(let inner): self = CompiledSelector(inner)
        case .missing: self = .nothing
        }
    }

    /// A key that finds the only tables a selector can match.
    enum CandidateKey {
        /// Tables with exactly this name.
        case name(String)
        /// Tables whose name has this many Unicode scalars (`named('t_0__')`).
        case length(Int)
    }

    /// Keys covering every table the selector can match, when a few lookups can find them.
    var candidateKeys: [CandidateKey]? {
        switch self {
        case .exactName(let name): return [.name(name)]
        case .pattern(let pieces) where !pieces.contains(.anyRun): return [.length(pieces.count)]
        case .or(let terms):
            var keys: [CandidateKey] = []
            for term in terms {
                guard let more = term.candidateKeys else { return nil }
                keys.append(contentsOf: more)
            }
            return keys
        case .and(let terms):
            for term in terms { if let keys = term.candidateKeys { return keys } }
            return nil
        default: return nil
        }
    }

    func matches(_ table: TableModel) -> Bool {
        switch self {
        case .all: return true
        case .hasColumn(let name, let type):
            guard let column = table.column(name) else { return false }
            return type.map { column.type.name == $0 } ?? true
        case .inSchema(let schema): return table.name.schema == schema
        case .exactName(let name): return table.name.name.utf8.elementsEqual(name.utf8)
        case .prefixName(let prefix): return table.name.name.utf8.starts(with: prefix.utf8)
        case .pattern(let pieces): return LikePattern.matches(table.name.name, pieces: pieces)
        case .tagged(let tag): return table.tags.contains(tag)
        case .not(let inner): return !inner.matches(table)
        case .and(let terms): return terms.allSatisfy { $0.matches(table) }
        case .or(let terms): return terms.contains { $0.matches(table) }
        case .nothing: return false
        }
    }
}
