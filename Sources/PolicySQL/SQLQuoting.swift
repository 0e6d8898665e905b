import PolicySchema

/// Quoting of identifiers and literals exactly as PostgreSQL needs it.
public enum SQLQuoting {
    /// The keywords that are not unreserved (`pg_get_keywords()` with `catcode <> 'U'`) in any
    /// supported PostgreSQL (15's, then those 16 and 17 added; 18 added none): as identifiers
    /// they must be quoted, as `quote_ident` does, so that the SQL means the same on every version.
    static let keywords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
        "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable",
        "desc", "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
        "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner",
        "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
        "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
        "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
        "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
        "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
        "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
        "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement",
        "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
        "json_array", "json_arrayagg", "json_object", "json_objectagg", "system_user",
        "json", "json_exists", "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "merge_action",
    ]

    /// An identifier, double-quoted when PostgreSQL needs it: anything but a lower-case
    /// `[a-z_][a-z0-9_$]*` that is not a keyword.
    public static func identifier(_ name: String) -> String {
        var plain = !name.isEmpty
        for (index, byte) in name.utf8.enumerated() {
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if !(isLower || byte == 0x5F || (index > 0 && (isDigit || byte == 0x24))) {
                plain = false
                break
            }
        }
        if plain && !keywords.contains(name) { return name }
        return "\"" + name.doublingQuotes("\"") + "\""
    }

    /// `schema.table` with each part quoted as needed.
    public static func qualified(_ name: QualifiedName) -> String {
        identifier(name.schema) + "." + identifier(name.name)
    }

    /// A string literal with single quotes doubled. Text with a backslash is written as an escape
    /// string, `E'...'` with the backslash doubled (as `quote_literal` does), so that it means the
    /// same whatever `standard_conforming_strings` is: `'a\_b'` would lose its backslash when
    /// that setting is off, and `LIKE 'a\_b'` would then match any character.
    ///
    /// Quotes and backslashes are found among Unicode scalars, never `Character`s: one fused
    /// into a grapheme cluster with a combining mark is still a quote to PostgreSQL.
    public static func literal(_ text: String) -> String {
        guard text.unicodeScalars.contains("\\") else { return "'" + text.doublingQuotes("'") + "'" }
        var quoted = "E'"
        for scalar in text.unicodeScalars {
            quoted.unicodeScalars.append(scalar)
            if scalar == "'" || scalar == "\\" { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }

    /// Text for a `--` comment: line breaks (which end the comment, so that the rest of a table
    /// name would be read as SQL) and other control characters (C0, DEL, C1: a terminal reads
    /// U+009B as CSI) written as `\n`, `\r`, `\u{1b}`.
    public static func comment(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A type name for a cast: PostgreSQL's own types by their name as it is (`bigint[]`,
    /// `double precision`: keywords PostgreSQL reads unquoted only), every other type (domains,
    /// enums, extension types, whatever their family) as `schema.name` with each part quoted
    /// as needed, so a type name read from a catalog never reaches SQL unquoted.
    public static func typeName(_ type: SQLType) -> String {
        let isArray = type.name.utf8.count >= 2 && type.name.utf8.suffix(2).elementsEqual("[]".utf8)
        let base = isArray ? String(decoding: type.name.utf8.dropLast(2), as: UTF8.self) : type.name
        if SQLType.isBuiltin(base) { return type.name }
        let parts = base.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map { identifier(String($0)) }
        return parts.joined(separator: ".") + (isArray ? "[]" : "")
    }
}
