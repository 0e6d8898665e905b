/// The keywords the expression reader and printer need to know (PostgreSQL's keyword
/// categories, appendix C of its manual).
enum SQLKeywords {
    /// Reserved keywords: never a column, table or function name unless quoted.
    static let reserved: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
        "unique", "user", "using", "variadic", "when", "where", "window", "with",
    ]

    /// Keywords that may name a function or type but not a column or table.
    static let typeOrFunctionName: Set<String> = [
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
        "right", "similar", "tablesample", "verbose",
    ]

    /// Keywords that may name a column but not a function or type (PostgreSQL quotes them too).
    static let columnName: Set<String> = [
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
        "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
        "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row",
        "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
    ]

    /// Words that cannot stand for a column or a bare alias in an expression.
    static func isReservedInExpression(_ word: String) -> Bool {
        reserved.contains(word) || typeOrFunctionName.contains(word)
    }

    /// Keywords written without parentheses that stand for a value (`CURRENT_USER`).
    static let sqlValues: Set<String> = [
        "current_user", "session_user", "current_role", "user", "system_user", "current_catalog",
        "current_schema", "current_timestamp", "current_date", "current_time", "localtime", "localtimestamp",
    ]

    /// The value keywords that take an optional precision (`CURRENT_TIMESTAMP(3)`).
    static let sqlValuesWithPrecision: Set<String> = ["current_timestamp", "current_time", "localtime", "localtimestamp"]

    /// Functions PostgreSQL's grammar spells as keywords and prints in upper case.
    static let keywordFunctions: Set<String> = ["coalesce", "nullif", "greatest", "least"]

    /// Type names spelled the way PostgreSQL prints them (`format_type`).
    static let typeAliases: [String: String] = [
        "int": "integer", "int4": "integer", "int8": "bigint", "int2": "smallint", "bool": "boolean",
        "varchar": "character varying", "timestamptz": "timestamp with time zone", "float8": "double precision",
        "float4": "real", "decimal": "numeric", "timetz": "time with time zone", "varbit": "bit varying",
        "char": "character",
    ]

    /// Words that begin a clause of a sub-select the reader keeps as text.
    static let trailingClauses: Set<String> = [
        "group", "having", "order", "limit", "offset", "window", "union", "intersect", "except", "fetch", "for",
    ]
}
