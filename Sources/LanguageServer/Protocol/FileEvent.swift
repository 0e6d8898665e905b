import JSON
import JSONRPC

/// A file change reported by `workspace/didChangeWatchedFiles`.
struct FileEvent: Hashable, Sendable {
    /// The file.
    var uri: String
    /// 1 created, 2 changed, 3 deleted.
    var type: Int

    /// Reads an event.
    init(json: JSONValue) throws(ResponseError) {
        uri = try json.requiredString("uri")
        type = try json.requiredInt("type")
    }
}
