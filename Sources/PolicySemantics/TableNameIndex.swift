import PolicySchema

/// Finds the tables whose bare names may match a LIKE pattern without testing every table:
/// a pattern without `%` matches only names of its length that have its literal characters at
/// its positions. Built once per list of tables.
public struct TableNameIndex: Sendable {
    /// name length → position → character → indexes into the table list.
    private var entries: [Int: [Int: [Unicode.Scalar: [Int]]]] = [:]
    private let count: Int

    /// Indexes `tables` (by position in the array).
    public init(_ tables: [TableModel]) {
        count = tables.count
        for index in tables.indices {
            let scalars = Array(tables[index].name.name.unicodeScalars)
            for (position, scalar) in scalars.enumerated() {
                entries[scalars.count, default: [:]][position, default: [:]][scalar, default: []].append(index)
            }
            if scalars.isEmpty { entries[0, default: [:]][0, default: [:]]["\u{0}", default: []].append(index) }
        }
    }

    /// Indexes (ascending) of the tables `selector` can match, or `nil` when all of them must be tested.
    public func candidates(for selector: CompiledSelector) -> [Int]? {
        guard let patterns = selector.namePatterns else { return nil }
        var result = Set<Int>()
        for pieces in patterns {
            guard let found = candidates(for: pieces) else { return nil }
            result.formUnion(found)
        }
        return result.sorted()
    }

    private func candidates(for pieces: [LikePattern.Piece]) -> [Int]? {
        if pieces.contains(.anyRun) { return nil }
        guard let positions = entries[pieces.count] else { return [] }
        var best: [Int]?
        for (position, piece) in pieces.enumerated() {
            guard case .character(let scalar) = piece else { continue }
            let list = positions[position]?[scalar] ?? []
            if list.count < best?.count ?? Int.max { best = list }
            if list.isEmpty { return [] }
        }
        if let best { return best }
        // Only `_`: every name of that length.
        return Array(Set(positions.values.flatMap { $0.values.flatMap { $0 } }))
    }
}
