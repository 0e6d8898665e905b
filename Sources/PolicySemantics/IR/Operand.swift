import PolicySyntax

/// A value in the normalized form.
public indirect enum Operand: Hashable, Sendable, CustomStringConvertible {
    /// A column of the current table (the governed table, or a traversal's target inside it).
    case column(String)
    /// Inside a traversal's clause, a column of the row the traversal starts from (`outer(c)`):
    /// the governed row for a traversal of the policy's clause, the enclosing target row for a
    /// nested one.
    case outer(String)
    /// A session key.
    case session(String)
    /// A constant.
    case literal(LiteralValue)
    /// A list of constants (right-hand side of IN / NOT IN).
    case list([LiteralValue])
    /// A declared function applied to arguments.
    case function(String, [Operand])
    /// `now()`: the transaction's timestamp, fixed for one session and never NULL.
    case now

    /// The name `now()` goes by among a counterexample's session values.
    public static let nowKey = "now()"
    /// Orders operands for the atom form: columns left, then outer columns, session keys (and
    /// `now()`), functions, constants.
    var rank: Int {
        switch self {
        case .column: return 0
        case .outer: return 1
        case .session, .now: return 2
        case .function: return 3
        case .literal, .list: return 4
        }
    }

    /// Whether the operand is a constant.
    public var isConstant: Bool {
        switch self {
        case .literal, .list: return true
        default: return false
        }
    }

    /// The operand in the policy language (`col(tenant_id)`, `session('app.tenant_id')`).
    public var description: String {
        switch self {
        case .column(let name): return "col(\(Operand.name(name)))"
        case .outer(let name): return "outer(\(Operand.name(name)))"
        case .session(let key): return "session('\(key.doublingQuotes("'"))')"
        case .literal(let value): return "lit(\(value))"
        case .list(let values): return "lit([" + values.map(\.description).joined(separator: ", ") + "])"
        case .function(let name, let arguments):
            return "fn(\(Operand.name(name)), [" + arguments.map(\.description).joined(separator: ", ") + "])"
        case .now: return "now()"
        }
    }

    /// A name as the policy language prints it: bare when it reads back as itself, else double-quoted.
    public static func name(_ name: String) -> String {
        guard let first = name.utf8.first, first == 0x5F || (first >= 0x61 && first <= 0x7A) else {
            return "\"" + name.doublingQuotes("\"") + "\""
        }
        for byte in name.utf8 {
            let ok = byte == 0x5F || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            if !ok { return "\"" + name.doublingQuotes("\"") + "\"" }
        }
        return name
    }

    /// The columns of the current table the operand reads.
    public var columns: [String] {
        switch self {
        case .column(let name): return [name]
        case .function(_, let arguments): return arguments.flatMap(\.columns)
        default: return []
        }
    }

    /// The columns of the enclosing row (`outer(c)`) the operand reads.
    public var outerColumns: [String] {
        switch self {
        case .outer(let name): return [name]
        case .function(_, let arguments): return arguments.flatMap(\.outerColumns)
        default: return []
        }
    }

    /// The session keys the operand reads.
    public var sessionKeys: [String] {
        switch self {
        case .session(let key): return [key]
        case .function(_, let arguments): return arguments.flatMap(\.sessionKeys)
        default: return []
        }
    }
}
