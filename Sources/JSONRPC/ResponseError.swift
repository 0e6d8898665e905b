import JSON

/// The `error` member of a JSON-RPC response: a code, a message and optional data.
///
/// It is also the `Error` that request handlers throw to answer with an error.
/// The static members carry the standard codes with their usual messages; use
/// ``init(_:_:data:)`` or ``withMessage(_:)`` to say more.
public struct ResponseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error code.
    public var code: ErrorCode
    /// A short description of the error.
    public var message: String
    /// Additional information, if any.
    public var data: JSONValue?

    /// Creates an error with a code, a message and optional data.
    public init(_ code: ErrorCode, _ message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// This error with `message` in place of the current message.
    public func withMessage(_ message: String) -> ResponseError {
        ResponseError(code, message, data: data)
    }

    /// The error object as sent on the wire: `{"code":…,"message":…,"data":…}`.
    public var json: JSONValue {
        var object: JSONObject = ["code": .integer(code.rawValue), "message": .string(message)]
        if let data {
            object["data"] = data
        }
        return .object(object)
    }

    /// Reads an error object, or returns `nil` if `json` lacks an integer code or a string message.
    public init?(json: JSONValue) {
        guard case .object(let object) = json,
            case .integer(let code)? = object["code"],
            case .string(let message)? = object["message"]
        else {
            return nil
        }
        self.init(ErrorCode(rawValue: code), message, data: object["data"])
    }

    /// The code and message, for logs.
    public var description: String {
        "error \(code.rawValue): \(message)"
    }

    /// Invalid JSON was received (-32700).
    public static let parseError = ResponseError(.parseError, "Parse error")
    /// The JSON sent is not a valid request object (-32600).
    public static let invalidRequest = ResponseError(.invalidRequest, "Invalid Request")
    /// The method does not exist or is not available (-32601).
    public static let methodNotFound = ResponseError(.methodNotFound, "Method not found")
    /// Invalid method parameters (-32602).
    public static let invalidParams = ResponseError(.invalidParams, "Invalid params")
    /// An internal error (-32603).
    public static let internalError = ResponseError(.internalError, "Internal error")
    /// A request arrived before `initialize` (-32002).
    public static let serverNotInitialized = ResponseError(.serverNotInitialized, "Server not initialized")
    /// An error without a more specific code (-32001).
    public static let unknownErrorCode = ResponseError(.unknownErrorCode, "Unknown error")
    /// A valid request failed (-32803).
    public static let requestFailed = ResponseError(.requestFailed, "Request failed")
    /// The server cancelled the request (-32802).
    public static let serverCancelled = ResponseError(.serverCancelled, "Server cancelled the request")
    /// The content changed and the result is no longer valid (-32801).
    public static let contentModified = ResponseError(.contentModified, "Content modified")
    /// The client cancelled the request (-32800).
    public static let requestCancelled = ResponseError(.requestCancelled, "Request cancelled")
}
