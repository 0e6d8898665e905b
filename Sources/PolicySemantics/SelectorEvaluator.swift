import PolicySchema
import PolicySyntax

/// Evaluates a selector on one table (SPEC 4.3).
public enum SelectorEvaluator {
    /// Whether `selector` matches `table`. A `missing` selector matches nothing. To match one
    /// selector against many tables, compile it once with `CompiledSelector`.
    public static func matches(_ selector: SelectorSyntax, table: TableModel) -> Bool {
        CompiledSelector(selector).matches(table)
    }
}
