import JSON

/// The id of a JSON-RPC request: an integer or a string, kept exactly as received.
public enum RequestID: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    /// An integer id.
    case integer(Int)
    /// A string id; `"1"` and `1` are different ids.
    case string(String)

    /// Reads an id from JSON, or returns `nil` for anything but an integer or a string.
    ///
    /// Fractional numbers, numbers beyond `Int`, `null`, booleans, arrays and objects are not ids.
    public init?(json: JSONValue) {
        switch json {
        case .integer(let value):
            self = .integer(value)
        case .string(let value):
            self = .string(value)
        default:
            return nil
        }
    }

    /// Creates an integer id.
    public init(integerLiteral value: Int) {
        self = .integer(value)
    }

    /// Creates a string id.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// The id as JSON.
    public var json: JSONValue {
        switch self {
        case .integer(let value):
            return .integer(value)
        case .string(let value):
            return .string(value)
        }
    }

    /// The id as it appears in JSON: `7` or `"abc"` (quoted).
    public var description: String {
        json.description
    }
}
