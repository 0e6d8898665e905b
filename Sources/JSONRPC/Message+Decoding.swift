import JSON

extension Message {
    /// Parses and decodes a message body.
    ///
    /// Throws a ``MalformedMessage`` with code -32700 (id `null`) when the body is not
    /// JSON, and with code -32600 when it is JSON but not a valid message (see ``init(json:)``).
    public init(parsing body: some Collection<UInt8>) throws(MalformedMessage) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: body)
        } catch {
            throw MalformedMessage(
                ResponseError(.parseError, "Parse error: \(error)"),
                id: nil,
                expectsReply: true
            )
        }
        try self.init(json: json)
    }

    /// Decodes and validates a message.
    ///
    /// A valid message is an object with `"jsonrpc": "2.0"`. It is a request when it has a
    /// string `method` and an integer or string `id`, a notification when it has a `method`
    /// and no `id`, and a response when it has no `method` but exactly one of `result` and
    /// `error`. `params`, when present and not `null`, must be an array or an object.
    /// Members not named by JSON-RPC are ignored.
    ///
    /// Anything else throws a ``MalformedMessage`` with code -32600 (Invalid Request), carrying
    /// the id when one can be read. A malformed *response* does not expect a reply: answering
    /// a client's response with an error could start an endless exchange.
    public init(json: JSONValue) throws(MalformedMessage) {
        guard case .object(let object) = json else {
            let detail = json.array != nil ? "batches are not supported" : "message is not an object"
            throw MalformedMessage(ResponseError(.invalidRequest, "Invalid Request: \(detail)"), id: nil, expectsReply: true)
        }
        let rawID = object["id"]
        let id = rawID.flatMap(RequestID.init(json:))
        let method = object["method"]
        let isResponse = method == nil && (object["result"] != nil || object["error"] != nil)

        func invalid(_ detail: String) -> MalformedMessage {
            MalformedMessage(ResponseError(.invalidRequest, "Invalid Request: \(detail)"), id: id, expectsReply: !isResponse)
        }

        guard object["jsonrpc"] == .string("2.0") else {
            throw invalid("\"jsonrpc\" must be \"2.0\"")
        }
        if isResponse {
            guard let rawID else {
                throw invalid("response without an id")
            }
            guard id != nil || rawID == .null else {
                throw invalid("id must be an integer or a string")
            }
            switch (object["result"], object["error"]) {
            case (.some(let result), nil):
                guard let id else {
                    throw invalid("a successful response needs an id")
                }
                self = .response(ResponseMessage(id: id, result: result))
            case (nil, .some(let error)):
                guard let error = ResponseError(json: error) else {
                    throw invalid("error must be an object with an integer code and a string message")
                }
                self = .response(ResponseMessage(id: id, error: error))
            default:
                throw invalid("response has both result and error")
            }
            return
        }
        guard let method else {
            throw invalid("missing method")
        }
        guard case .string(let name) = method else {
            throw invalid("method must be a string")
        }
        let params: JSONValue?
        switch object["params"] {
        case nil, .null?:
            params = nil
        case .array?, .object?:
            params = object["params"]
        default:
            throw invalid("params must be an array or an object")
        }
        guard let rawID else {
            self = .notification(NotificationMessage(method: name, params: params))
            return
        }
        guard let id else {
            throw invalid(rawID == .null ? "id must not be null" : "id must be an integer or a string")
        }
        self = .request(RequestMessage(id: id, method: name, params: params))
    }
}
