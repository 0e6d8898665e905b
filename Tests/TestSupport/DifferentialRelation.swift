/// A traversal that a generated policy may write on a table: `rel(_, source, target, targetColumn)`.
struct DifferentialRelation {
    /// The column of the table the traversal starts from.
    var source: String
    /// The table it reaches.
    var target: DifferentialTable
    /// The column of `target` that must equal `source`.
    var targetColumn: String

    /// The traversals from `tables[index]`, only to tables of lower rank (`ranks[i]` is the rank
    /// of `tables[i]`), so that no cycle can form through the targets' own policies: along each
    /// foreign key, either way, and on each of the `joining` columns both tables have.
    static func relations(from index: Int, tables: [DifferentialTable], ranks: [Int], joining: [String]) -> [DifferentialRelation] {
        let table = tables[index]
        var result: [DifferentialRelation] = []
        for (other, target) in tables.enumerated() where ranks[other] < ranks[index] {
            if let column = table.columns.first(where: { $0.references == target.name }) {
                result.append(DifferentialRelation(source: column.name, target: target, targetColumn: "id"))
            }
            if let column = target.columns.first(where: { $0.references == table.name }) {
                result.append(DifferentialRelation(source: "id", target: target, targetColumn: column.name))
            }
            for name in joining where table.column(name) != nil && target.column(name) != nil {
                result.append(DifferentialRelation(source: name, target: target, targetColumn: name))
            }
        }
        return result
    }
}
