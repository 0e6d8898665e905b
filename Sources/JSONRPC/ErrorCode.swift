/// The integer code of a JSON-RPC error, with the codes JSON-RPC 2.0 and LSP define.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The code as sent on the wire.
    public var rawValue: Int

    /// Wraps any code, including implementation-defined ones.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Wraps a literal code.
    public init(integerLiteral value: Int) {
        self.rawValue = value
    }

    /// The decimal code.
    public var description: String { String(rawValue) }

    /// Invalid JSON was received (JSON-RPC -32700).
    public static let parseError: ErrorCode = -32700
    /// The JSON sent is not a valid request object (JSON-RPC -32600).
    public static let invalidRequest: ErrorCode = -32600
    /// The method does not exist or is not available (JSON-RPC -32601).
    public static let methodNotFound: ErrorCode = -32601
    /// Invalid method parameters (JSON-RPC -32602).
    public static let invalidParams: ErrorCode = -32602
    /// An internal JSON-RPC error (JSON-RPC -32603).
    public static let internalError: ErrorCode = -32603
    /// A request arrived before `initialize` (LSP -32002).
    public static let serverNotInitialized: ErrorCode = -32002
    /// An error without a more specific code (LSP -32001).
    public static let unknownErrorCode: ErrorCode = -32001
    /// A syntactically valid request failed; the message says why (LSP -32803).
    public static let requestFailed: ErrorCode = -32803
    /// The server cancelled the request (LSP -32802).
    public static let serverCancelled: ErrorCode = -32802
    /// The content changed in a way that invalidates the result (LSP -32801).
    public static let contentModified: ErrorCode = -32801
    /// The client cancelled the request (LSP -32800).
    public static let requestCancelled: ErrorCode = -32800
}
