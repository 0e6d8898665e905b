import JSON
import JSONRPC

/// A root folder of the workspace.
struct WorkspaceFolder: Hashable, Sendable {
    /// The folder's URI.
    var uri: String
    /// Its name.
    var name: String

    /// Reads a folder.
    init(json: JSONValue) throws(ResponseError) {
        uri = try json.requiredString("uri")
        name = json["name"]?.string ?? ""
    }
}
