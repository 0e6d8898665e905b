extension DiagnosticArea {
    /// `semantic.*`: the checker (names, types, selectors, traversals, the normal form).
    static let semantic = DiagnosticArea(
        "semantic", title: "Semantic checks",
        summary:
            "The checker: names against the schema and pgpe.yaml, types, selectors, traversals, and what the normal form shows. Errors stop compilation and proofs; warnings do not.",
        kinds: [
            .semanticNoSchema, .semanticDuplicatePolicy, .semanticUnknownTable, .semanticUnknownColumn, .semanticUnknownType,
            .semanticUnknownRole, .semanticSelectorMatchesNothing, .semanticSchemaNotGoverned, .semanticUnknownFunction,
            .semanticFunctionArity, .semanticFunctionNotBoolean, .semanticTypeMismatch, .semanticInvalidLiteral,
            .semanticNullComparison, .semanticNullInList, .semanticInNeedsList, .semanticUnexpectedList, .semanticMixedList,
            .semanticNestedList, .semanticLikeNeedsText, .semanticInvalidLikePattern, .semanticEmptySessionKey,
            .semanticInvalidSessionKey, .semanticUnknownSessionKey, .semanticSessionTypeConflict, .semanticDepthExceeded,
            .semanticRelSource, .semanticOuterOutsideExists, .semanticRelWithoutForeignKey, .semanticTraversalCycle,
            .semanticCheckWithoutEffect, .semanticUnsatisfiablePolicy, .semanticContradictoryClause, .semanticConstantInConjunction,
        ])
}

extension DiagnosticKind {
    // MARK: Names

    /// `semantic.no-schema`
    public static let semanticNoSchema = DiagnosticKind(
        "semantic.no-schema", .info,
        "No schema is configured, so only schema-free checks ran; set `schema:` or `database:` in pgpe.yaml.")
    /// `semantic.duplicate-policy`
    public static let semanticDuplicatePolicy = DiagnosticKind(
        "semantic.duplicate-policy", .error,
        "Two policies share a name and govern a common table; as in PostgreSQL, a name is unique per table (policies that govern disjoint tables may share one). Rename one."
    )
    /// `semantic.unknown-table`
    public static let semanticUnknownTable = DiagnosticKind(
        "semantic.unknown-table", .error,
        "A traversal names a table the schema does not have; fix the name (the message suggests the closest).")
    /// `semantic.unknown-column`
    public static let semanticUnknownColumn = DiagnosticKind(
        "semantic.unknown-column", .error,
        "A column is not on every table the policy governs (or the traversal reaches); fix the name or narrow the selector.")
    /// `semantic.unknown-type`
    public static let semanticUnknownType = DiagnosticKind(
        "semantic.unknown-type", .error,
        "`has_column(name, type)` names a type pgpe does not know; use one the message lists.")
    /// `semantic.unknown-role`
    public static let semanticUnknownRole = DiagnosticKind(
        "semantic.unknown-role", .warning,
        "A role the schema does not declare (when it declares roles); applying fails until the role exists. Fix the name or create the role."
    )
    /// `semantic.selector-matches-nothing`
    public static let semanticSelectorMatchesNothing = DiagnosticKind(
        "semantic.selector-matches-nothing", .warning,
        "A selector matches no table of the governed schemas, so the item does nothing; check the names and `schemas:`.")
    /// `semantic.schema-not-governed`
    public static let semanticSchemaNotGoverned = DiagnosticKind(
        "semantic.schema-not-governed", .warning,
        "`in_schema(...)` names a schema outside pgpe.yaml's `schemas:`, so it matches nothing; add the schema there.")

    // MARK: Values and types

    /// `semantic.unknown-function`
    public static let semanticUnknownFunction = DiagnosticKind(
        "semantic.unknown-function", .error,
        "`fn(...)` calls a function not declared under `functions:` in pgpe.yaml; declare it with its argument and return types.")
    /// `semantic.function-arity`
    public static let semanticFunctionArity = DiagnosticKind(
        "semantic.function-arity", .error,
        "A function is called with a different number of arguments than pgpe.yaml declares (trailing arguments declared with `default: true` may be left out)."
    )
    /// `semantic.function-not-boolean`
    public static let semanticFunctionNotBoolean = DiagnosticKind(
        "semantic.function-not-boolean", .error,
        "A function used as an atom does not return boolean; compare its result with a value instead.")
    /// `semantic.type-mismatch`
    public static let semanticTypeMismatch = DiagnosticKind(
        "semantic.type-mismatch", .error,
        "Two values of incomparable types are compared (also a function argument or a traversal's join columns); make the types agree.")
    /// `semantic.invalid-literal`
    public static let semanticInvalidLiteral = DiagnosticKind(
        "semantic.invalid-literal", .error,
        "A literal is not a valid value of the type it is compared with (a malformed uuid or date, a label an enum does not have, say); write a valid one."
    )
    /// `semantic.null-comparison`
    public static let semanticNullComparison = DiagnosticKind(
        "semantic.null-comparison", .error,
        "A comparison with null is never true in SQL; use `IS NULL` or `IS NOT NULL` (the fix-it does).")
    /// `semantic.null-in-list`
    public static let semanticNullInList = DiagnosticKind(
        "semantic.null-in-list", .error,
        "`NOT IN` with null in the list is never true; remove the null.",
        exceptions: [.nullInList])
    /// `semantic.in-needs-list`
    public static let semanticInNeedsList = DiagnosticKind(
        "semantic.in-needs-list", .error,
        "`IN` and `NOT IN` need a list on their right, like `lit(['a', 'b'])`.")
    /// `semantic.unexpected-list`
    public static let semanticUnexpectedList = DiagnosticKind(
        "semantic.unexpected-list", .error,
        "A list stands where a single value is needed; lists are only allowed on the right of `IN` or `NOT IN`.")
    /// `semantic.mixed-list`
    public static let semanticMixedList = DiagnosticKind(
        "semantic.mixed-list", .error,
        "A list mixes kinds of literals (strings and integers, say); a list holds values of one kind.")
    /// `semantic.nested-list`
    public static let semanticNestedList = DiagnosticKind(
        "semantic.nested-list", .error,
        "A list inside a list; lists cannot be nested.")
    /// `semantic.like-needs-text`
    public static let semanticLikeNeedsText = DiagnosticKind(
        "semantic.like-needs-text", .error,
        "`LIKE` compares text, and a side is not text; compare text columns or strings.")
    /// `semantic.invalid-like-pattern`
    public static let semanticInvalidLikePattern = DiagnosticKind(
        "semantic.invalid-like-pattern", .error,
        "A `LIKE` pattern ends with the escape character `\\`, which PostgreSQL rejects; write `\\\\` for a backslash.")

    // MARK: Session keys

    /// `semantic.empty-session-key`
    public static let semanticEmptySessionKey = DiagnosticKind(
        "semantic.empty-session-key", .error,
        "`session('')` names no key; write the setting's name, like `'app.tenant_id'`.")
    /// `semantic.invalid-session-key`
    public static let semanticInvalidSessionKey = DiagnosticKind(
        "semantic.invalid-session-key", .warning,
        "A session key PostgreSQL cannot set (it wants dotted identifiers like `app.tenant_id`), so it is never set; rename it.")
    /// `semantic.unknown-session-key`
    public static let semanticUnknownSessionKey = DiagnosticKind(
        "semantic.unknown-session-key", .warning,
        "A session key not declared under `session:` in pgpe.yaml (when keys are declared); fix the name or declare it.")
    /// `semantic.session-type-conflict`
    public static let semanticSessionTypeConflict = DiagnosticKind(
        "semantic.session-type-conflict", .error,
        "An undeclared session key is compared with values of incomparable types; declare its type under `session:` in pgpe.yaml.")

    // MARK: Traversals

    /// `semantic.depth-exceeded`
    public static let semanticDepthExceeded = DiagnosticKind(
        "semantic.depth-exceeded", .error,
        "Traversals nest deeper than `analysis.max_depth`; flatten them or raise the limit in pgpe.yaml.")
    /// `semantic.rel-source`
    public static let semanticRelSource = DiagnosticKind(
        "semantic.rel-source", .error,
        "`rel(...)`'s source is neither `_` nor the governed table (or the enclosing traversal's target); write `_`.")
    /// `semantic.outer-outside-exists`
    public static let semanticOuterOutsideExists = DiagnosticKind(
        "semantic.outer-outside-exists", .error,
        "`outer(c)` names a column of the row an `exists()` block starts from, so it is only allowed inside an `exists()` block's clause.")
    /// `semantic.rel-without-foreign-key`
    public static let semanticRelWithoutForeignKey = DiagnosticKind(
        "semantic.rel-without-foreign-key", .warning,
        "No foreign key links the two columns of a traversal, so it may match rows it should not; check the columns or add the key.")
    /// `semantic.traversal-cycle`
    public static let semanticTraversalCycle = DiagnosticKind(
        "semantic.traversal-cycle", .error,
        "Traversals lead through the targets' own RLS back to the starting table, which PostgreSQL rejects at query time (infinite recursion); break the cycle."
    )

    // MARK: What the normal form shows

    /// `semantic.check-without-effect`
    public static let semanticCheckWithoutEffect = DiagnosticKind(
        "semantic.check-without-effect", .warning,
        "`WITH CHECK` on a policy for commands that write no new rows (SELECT, DELETE) has no effect; remove it or add INSERT/UPDATE.")
    /// `semantic.unsatisfiable-policy`
    public static let semanticUnsatisfiablePolicy = DiagnosticKind(
        "semantic.unsatisfiable-policy", .error,
        "Every clause of a policy contradicts itself on a table, so the policy can never be true there; fix the clauses.")
    /// `semantic.contradictory-clause`
    public static let semanticContradictoryClause = DiagnosticKind(
        "semantic.contradictory-clause", .warning,
        "A clause's atoms contradict each other, so it can never be true and changes nothing; fix or remove it.")
    /// `semantic.constant-in-conjunction`
    public static let semanticConstantInConjunction = DiagnosticKind(
        "semantic.constant-in-conjunction", .warning,
        "`true` or `false` is joined with other atoms by `AND`: `true` changes nothing there and `false` makes the whole clause admit no row; write `CLAUSE true` or `CLAUSE false` on its own."
    )
}

extension SeverityException {
    /// `semantic.null-in-list` is a warning for null in an `IN` list, which only never matches.
    public static let nullInList = SeverityException(.warning, when: "null in an `IN` list, which never matches (use `IS NULL`)")
}
