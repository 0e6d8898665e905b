import JSON

/// A response: the result of a request, or the error it failed with.
public struct ResponseMessage: Hashable, Sendable {
    /// The id of the request being answered; `nil` (sent as `null`) only for an error
    /// answering input whose id could not be read.
    public var id: RequestID?
    /// The result value (possibly `null`) or the error.
    public var result: Result<JSONValue, ResponseError>

    /// Creates a response.
    public init(id: RequestID?, result: Result<JSONValue, ResponseError>) {
        self.id = id
        self.result = result
    }

    /// Creates a successful response.
    public init(id: RequestID, result: JSONValue) {
        self.init(id: id, result: .success(result))
    }

    /// Creates an error response; pass `nil` when the request's id is unknown.
    public init(id: RequestID?, error: ResponseError) {
        self.init(id: id, result: .failure(error))
    }
}
