import JSON
import JSONRPC

/// A zero-based line and character offset (counted in the negotiated position encoding).
struct Position: Hashable, Sendable, LSPEncodable {
    /// The line.
    var line: Int
    /// The character offset within the line.
    var character: Int

    /// Reads a position; negative numbers are invalid params.
    init(json: JSONValue) throws(ResponseError) {
        line = try json.requiredInt("line")
        character = try json.requiredInt("character")
        guard line >= 0, character >= 0 else { throw ResponseError(.invalidParams, "a position cannot be negative") }
    }

    /// Creates a position.
    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// The value as JSON, as the specification spells it.
    var json: JSONValue { ["line": .integer(line), "character": .integer(character)] }
}
