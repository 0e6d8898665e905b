import JSON
import JSONRPC

/// One change of `textDocument/didChange`: a range replaced, or (without a range) the whole text.
struct TextDocumentContentChangeEvent: Hashable, Sendable {
    /// The range replaced; `nil` for the whole document.
    var range: LSPRange?
    /// The new text.
    var text: String

    /// Reads a change.
    init(json: JSONValue) throws(ResponseError) {
        text = try json.requiredString("text")
        if let range = json["range"], !range.isNull {
            self.range = try LSPRange(json: range)
        } else {
            self.range = nil
        }
    }
}
