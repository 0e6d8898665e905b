import PolicySchema
import PolicySyntax

/// A selector prepared for evaluation over many tables: LIKE patterns are split and type names
/// normalized once, instead of once per table. Means exactly what `SelectorEvaluator` means.
public struct CompiledSelector: Sendable {
    private indirect enum Node: Sendable {
        case all
        case hasColumn(String, type: String?)
        case inSchema(String)
        case named([LikePattern.Piece])
        case tagged(String)
        case not(Node)
        case and([Node])
        case or([Node])
        case nothing
    }

    private let root: Node

    /// LIKE patterns (split into pieces) of which every matched table's bare name must match
    /// one (from `named` terms the selector cannot do without), or `nil` when any name may
    /// match. Lets callers narrow the tables to test with a `TableNameIndex`.
    public let namePatterns: [[LikePattern.Piece]]?

    /// Compiles `selector`.
    public init(_ selector: SelectorSyntax) {
        root = CompiledSelector.compile(selector)
        namePatterns = CompiledSelector.patterns(root)
    }

    private static func patterns(_ node: Node) -> [[LikePattern.Piece]]? {
        switch node {
        case .named(let pieces):
            return [pieces]
        case .and(let terms):
            return terms.lazy.compactMap(patterns).first
        case .or(let terms):
            var result: [[LikePattern.Piece]] = []
            for term in terms {
                guard let found = patterns(term) else { return nil }
                result += found
            }
            return result
        case .nothing:
            return []
        case .all, .hasColumn, .inSchema, .tagged, .not:
            return nil
        }
    }

    private static func compile(_ selector: SelectorSyntax) -> Node {
        switch selector.kind {
        case .all: return .all
        case .hasColumn(let name, let type):
            return .hasColumn(name.identifier, type: type.map { SQLType.normalize($0.identifier).name })
        case .inSchema(let schema): return .inSchema(schema.identifier)
        case .named(let pattern): return .named(LikePattern.pieces(pattern.value))
        case .tagged(let tag): return .tagged(tag.value)
        case .not(let inner): return .not(compile(inner))
        case .and(let terms): return .and(terms.map(compile))
        case .or(let terms): return .or(terms.map(compile))
        case .parenthesized(let inner): return compile(inner)
        case .missing: return .nothing
        }
    }

    /// Whether the selector matches `table` (a missing selector matches nothing).
    public func matches(_ table: TableModel) -> Bool {
        CompiledSelector.evaluate(root, table)
    }

    private static func evaluate(_ node: Node, _ table: TableModel) -> Bool {
        switch node {
        case .all:
            return true
        case .hasColumn(let name, let type):
            guard let column = table.column(name) else { return false }
            guard let type else { return true }
            return column.type.name == type
        case .inSchema(let schema):
            return table.name.schema == schema
        case .named(let pieces):
            return LikePattern.matches(table.name.name, pieces: pieces)
        case .tagged(let tag):
            return table.tags.contains(tag)
        case .not(let inner):
            return !evaluate(inner, table)
        case .and(let terms):
            return terms.allSatisfy { evaluate($0, table) }
        case .or(let terms):
            return terms.contains { evaluate($0, table) }
        case .nothing:
            return false
        }
    }
}
