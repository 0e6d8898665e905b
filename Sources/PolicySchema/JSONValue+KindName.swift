import JSON

extension JSONValue {
    /// The JSON name of the value's kind, for messages ("expected a string, found an array").
    var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .integer, .double: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
