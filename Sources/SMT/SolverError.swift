import CZ3

/// An error reported by Z3 or by this wrapper while building terms or running a query.
///
/// Z3 reports misuse (a sort mismatch, an index out of bounds, an unknown parameter) through
/// an error code on its context; every call of this module reads that code and turns it into
/// a `SolverError`, so a bad term is a thrown error, never a crash.
public struct SolverError: Error, Equatable, CustomStringConvertible {
    /// What kind of problem this is.
    public enum Kind: Equatable, Sendable {
        /// An expression was built from arguments of the wrong sorts.
        case sortError
        /// An index was out of bounds (for example popping more scopes than were pushed).
        case indexOutOfBounds
        /// An argument was invalid.
        case invalidArgument
        /// Z3 could not parse its input.
        case parserError
        /// An invalid quantifier pattern was given.
        case invalidPattern
        /// Z3 ran out of memory.
        case memoryOut
        /// Z3 failed internally.
        case internalFatal
        /// The API was used in a way it does not allow.
        case invalidUsage
        /// A reference count was decremented below zero.
        case decRefError
        /// Z3 raised an exception (this is how 4.8.12 reports most sort mismatches).
        case exception
        /// Any other Z3 error code, kept as its raw value.
        case other(UInt32)
        /// The wrapper itself refused the request (mixed contexts, an unsupported character, ...).
        case wrapper
    }

    /// What kind of problem this is.
    public let kind: Kind
    /// Z3's message, or the wrapper's, in words a person can act on.
    public let message: String
    /// The operation that failed, such as `eq(_:_:)`.
    public let operation: String

    /// Creates an error of the given kind for the named operation.
    public init(kind: Kind, message: String, operation: String) {
        self.kind = kind
        self.message = message
        self.operation = operation
    }

    /// Creates an error from a Z3 error code.
    init(code: Z3_error_code, message: String, operation: String) {
        let kind: Kind
        switch code {
        case Z3_SORT_ERROR: kind = .sortError
        case Z3_IOB: kind = .indexOutOfBounds
        case Z3_INVALID_ARG: kind = .invalidArgument
        case Z3_PARSER_ERROR: kind = .parserError
        case Z3_INVALID_PATTERN: kind = .invalidPattern
        case Z3_MEMOUT_FAIL: kind = .memoryOut
        case Z3_INTERNAL_FATAL: kind = .internalFatal
        case Z3_INVALID_USAGE: kind = .invalidUsage
        case Z3_DEC_REF_ERROR: kind = .decRefError
        case Z3_EXCEPTION: kind = .exception
        default: kind = .other(code.rawValue)
        }
        self.init(kind: kind, message: message, operation: operation)
    }

    /// A one-line description: the operation and the message.
    public var description: String {
        "z3 error in \(operation): \(message)"
    }
}
