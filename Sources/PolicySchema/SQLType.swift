import Foundation

/// A column, session or function type, normalized the way people write it (`int4` → `integer`,
/// `character varying(20)` → `varchar`, `timestamp with time zone` → `timestamptz`).
public struct SQLType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The canonical name (`integer`, `varchar`, `timestamptz`, `text[]`, `public.mood`).
    public var name: String
    /// The family it belongs to.
    public var family: TypeFamily

    /// Creates a type from its canonical name and family.
    public init(name: String, family: TypeFamily) {
        self.name = name
        self.family = family
    }

    public var description: String { name }

    /// The types the policy language knows by name (`has_column(x, uuid)`, `session:` in pgpe.yaml).
    public static let languageTypeNames = [
        "text", "varchar", "integer", "bigint", "smallint", "numeric", "uuid", "boolean",
        "timestamp", "timestamptz", "date", "jsonb",
    ]

    /// `text`
    public static let text = SQLType(name: "text", family: .text)
    /// `integer`
    public static let integer = SQLType(name: "integer", family: .integer)
    /// `bigint`
    public static let bigint = SQLType(name: "bigint", family: .integer)
    /// `boolean`
    public static let boolean = SQLType(name: "boolean", family: .boolean)
    /// `uuid`
    public static let uuid = SQLType(name: "uuid", family: .uuid)
    /// `timestamptz`, the type of `now()`.
    public static let timestamptz = SQLType(name: "timestamptz", family: .timestamp)

    private static let aliases: [String: (String, TypeFamily)] = [
        "int": ("integer", .integer), "int4": ("integer", .integer), "integer": ("integer", .integer),
        "serial": ("integer", .integer), "serial4": ("integer", .integer),
        "int8": ("bigint", .integer), "bigint": ("bigint", .integer), "bigserial": ("bigint", .integer),
        "serial8": ("bigint", .integer),
        "int2": ("smallint", .integer), "smallint": ("smallint", .integer), "smallserial": ("smallint", .integer),
        "serial2": ("smallint", .integer), "oid": ("oid", .integer),
        "numeric": ("numeric", .numeric), "decimal": ("numeric", .numeric),
        "real": ("real", .numeric), "float4": ("real", .numeric),
        "double precision": ("double precision", .numeric), "float8": ("double precision", .numeric),
        "float": ("double precision", .numeric), "money": ("money", .numeric),
        "text": ("text", .text), "varchar": ("varchar", .text), "character varying": ("varchar", .text),
        "char": ("char", .text), "character": ("char", .text), "bpchar": ("char", .text),
        "name": ("name", .text), "citext": ("citext", .text),
        "bool": ("boolean", .boolean), "boolean": ("boolean", .boolean),
        "uuid": ("uuid", .uuid),
        "timestamp": ("timestamp", .timestamp), "timestamp without time zone": ("timestamp", .timestamp),
        "timestamptz": ("timestamptz", .timestamp), "timestamp with time zone": ("timestamptz", .timestamp),
        "date": ("date", .date),
        "time": ("time", .time), "time without time zone": ("time", .time),
        "timetz": ("timetz", .time), "time with time zone": ("timetz", .time), "interval": ("interval", .time),
        "json": ("json", .json), "jsonb": ("jsonb", .json),
        "bytea": ("bytea", .other), "inet": ("inet", .other), "cidr": ("cidr", .other),
        "macaddr": ("macaddr", .other), "xml": ("xml", .other), "tsvector": ("tsvector", .other),
        "national character varying": ("varchar", .text), "national character": ("char", .text),
        "national char varying": ("varchar", .text), "national char": ("char", .text),
        "char varying": ("varchar", .text), "nchar": ("char", .text),
        "bit varying": ("varbit", .other), "varbit": ("varbit", .other), "bit": ("bit", .other),
    ]

    /// Whether `name` (a normalized element type name, without `[]`) is one of PostgreSQL's
    /// own types rather than a user-defined or extension type.
    public static func isBuiltin(_ name: String) -> Bool {
        aliases[name] != nil || builtinNames.contains(name)
    }

    /// Canonical names of `pg_catalog` types that need no alias (they are their own canonical name).
    private static let builtinNames: Set<String> = [
        "macaddr8", "tsquery", "jsonpath", "point", "line", "lseg", "box", "path", "polygon", "circle",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
        "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
        "pg_lsn", "pg_snapshot", "txid_snapshot", "tid", "xid", "xid8", "cid", "oidvector", "int2vector",
        "regclass", "regproc", "regprocedure", "regoper", "regoperator", "regtype", "regconfig",
        "regdictionary", "regnamespace", "regrole", "regcollation", "record", "void", "trigger",
        "event_trigger", "anyelement", "anyarray", "anynonarray", "anyenum", "anyrange", "anymultirange",
        "anycompatible", "anycompatiblearray", "anycompatiblenonarray", "anycompatiblerange",
        "anycompatiblemultirange", "cstring", "internal", "language_handler", "fdw_handler",
        "table_am_handler", "index_am_handler", "tsm_handler", "refcursor", "unknown", "aclitem",
        "pg_node_tree", "pg_ndistinct", "pg_dependencies", "pg_mcv_list", "gtsvector", "money",
    ]

    /// Normalizes a type as written in SQL or as printed by the catalog (`format_type`):
    /// case and spacing folded, modifiers dropped, `pg_catalog.` removed, arrays (`x[]`,
    /// `x ARRAY`, `_x`) kept as arrays. `enumTypes` are user types that compare like text.
    public static func normalize(_ written: String, enumTypes: Set<String> = []) -> SQLType {
        // One pass over the bytes: quotes removed (their content kept as is), ASCII letters
        // folded to lower case as PostgreSQL folds identifiers, modifiers dropped (the first one
        // is kept for `float(p)`), array bounds dropped, runs of whitespace made one space.
        var folded: [UInt8] = []
        folded.reserveCapacity(written.utf8.count)
        var parenDepth = 0
        var bracketDepth = 0
        var inQuotes = false
        var modifier: [UInt8]?
        var modifierDone = false
        for byte in written.utf8 {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
                continue
            }
            if inQuotes {
                folded.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "("):
                parenDepth += 1
                if parenDepth == 1, !modifierDone { modifier = [] }
                continue
            case UInt8(ascii: ")"):
                if parenDepth == 1, modifier != nil { modifierDone = true }
                parenDepth = max(0, parenDepth - 1)
                continue
            default:
                break
            }
            if parenDepth > 0 {
                if !modifierDone { modifier?.append(byte) }
                continue
            }
            // Array bounds are decoration: `integer[3]` is `integer[]`.
            switch byte {
            case UInt8(ascii: "["):
                if bracketDepth == 0 {
                    if folded.last == UInt8(ascii: " ") { folded.removeLast() }
                    folded.append(byte)
                }
                bracketDepth += 1
                continue
            case UInt8(ascii: "]"):
                bracketDepth = max(0, bracketDepth - 1)
                if bracketDepth == 0 { folded.append(byte) }
                continue
            default:
                break
            }
            if bracketDepth > 0 { continue }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                if let last = folded.last, last != UInt8(ascii: " ") { folded.append(UInt8(ascii: " ")) }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                folded.append(byte + 32)
            default:
                folded.append(byte)
            }
        }
        while folded.last == UInt8(ascii: " ") { folded.removeLast() }
        var text = String(decoding: folded, as: UTF8.self)
        let firstModifier = modifier.map { String(decoding: $0, as: UTF8.self) }
        while text.hasSuffix(" ") { text.removeLast() }
        var isArray = false
        while text.hasSuffix("[]") {
            isArray = true
            text.removeLast(2)
            while text.hasSuffix(" ") { text.removeLast() }
        }
        if text.hasSuffix(" array") {
            isArray = true
            text.removeLast(6)
        }
        if text.hasPrefix("pg_catalog.") { text.removeFirst("pg_catalog.".count) }
        if text.hasPrefix("_"), !isArray, aliases[String(text.dropFirst())] != nil {
            isArray = true
            text.removeFirst()
        }
        // `interval day to second`, `interval year`: the fields do not change the type.
        if text.hasPrefix("interval ") { text = "interval" }
        // `float(p)` is `real` up to 24 bits of precision, `double precision` above.
        if text == "float", let digits = firstModifier.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            digits >= 1, digits <= 24
        {
            text = "real"
        }
        let element: SQLType
        if let (name, family) = aliases[text] {
            element = SQLType(name: name, family: family)
        } else if enumTypes.contains(text) || enumTypes.contains("public." + text) {
            element = SQLType(name: text, family: .text)
        } else {
            element = SQLType(name: text, family: .other)
        }
        return isArray ? SQLType(name: element.name + "[]", family: .array) : element
    }
}
