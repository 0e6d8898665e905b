/// A JSON value as the snapshot reader parses it, with the source range of every part.
indirect enum JSONValue: Sendable {
    /// An object; members keep their order (duplicates are reported by the parser).
    case object([JSONMember])
    /// An array.
    case array([JSONNode])
    /// A string, decoded.
    case string(String)
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The JSON name of the value's kind, for messages ("expected a string, found an array").
    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
