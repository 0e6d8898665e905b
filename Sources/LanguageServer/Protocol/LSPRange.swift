import JSON
import JSONRPC

/// A range between two positions (`Range` in the specification).
struct LSPRange: Hashable, Sendable, LSPEncodable {
    /// Where it starts.
    var start: Position
    /// Where it ends (exclusive).
    var end: Position

    /// Creates a range.
    init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    /// Reads a range.
    init(json: JSONValue) throws(ResponseError) {
        start = try Position(json: json.required("start"))
        end = try Position(json: json.required("end"))
    }

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["start": start.json, "end": end.json] }
}
