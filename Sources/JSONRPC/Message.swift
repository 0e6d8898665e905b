import JSON

/// One JSON-RPC 2.0 message: a request, a notification or a response.
///
/// Batches (JSON arrays of messages) are not part of LSP and are not supported;
/// see ``init(json:)`` for how they are answered.
public enum Message: Hashable, Sendable {
    /// A call that expects a response.
    case request(RequestMessage)
    /// A call that is never answered.
    case notification(NotificationMessage)
    /// The answer to a request.
    case response(ResponseMessage)

    /// The message as a JSON object, members in the order `jsonrpc`, `id`, `method`,
    /// `params` or `jsonrpc`, `id`, `result`/`error`; absent params are omitted.
    public var json: JSONValue {
        var object: JSONObject = ["jsonrpc": "2.0"]
        switch self {
        case .request(let request):
            object["id"] = request.id.json
            object["method"] = .string(request.method)
            if let params = request.params {
                object["params"] = params
            }
        case .notification(let notification):
            object["method"] = .string(notification.method)
            if let params = notification.params {
                object["params"] = params
            }
        case .response(let response):
            object["id"] = response.id?.json ?? .null
            switch response.result {
            case .success(let value):
                object["result"] = value
            case .failure(let error):
                object["error"] = error.json
            }
        }
        return .object(object)
    }
}
