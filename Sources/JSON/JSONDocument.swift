/// A parsed JSON text that remembers where every value is written (byte ranges), for readers
/// that report problems at the offending value.
public struct JSONDocument: Sendable {
    /// The top-level value.
    public let root: JSONNode

    /// Parses one JSON text from UTF-8 bytes with the rules of `JSONValue(parsing:)`, recording spans.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = JSONParseOptions()) throws(JSONParseError) {
        let parsed = bytes.withUnsafeBufferPointer { buffer -> Result<JSONNode, JSONParseError> in
            var parser = JSONParser(bytes: buffer, options: options, recordsSpans: true)
            return Result { () throws(JSONParseError) -> JSONNode in
                let value = try parser.parseDocument()
                return JSONNode(value: value, span: parser.lastSpan)
            }
        }
        switch parsed {
        case .success(let node):
            root = node
        case .failure(let error):
            throw error
        }
    }
}
