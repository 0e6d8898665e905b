extension JSONValue {
    /// The default limit on how deeply arrays and objects may nest in parsed input.
    public static let defaultMaximumDepth = 512

    /// Parses one JSON text (RFC 8259) from UTF-8 bytes.
    ///
    /// Parsing is strict: no comments, trailing commas, single quotes, leading zeros,
    /// `NaN` or bare control characters. Strings must be valid UTF-8; an escaped lone
    /// surrogate (`"\ud800"`) is replaced by U+FFFD. Numbers without fraction or exponent
    /// that fit in `Int` become `.integer`; numbers too large for a `Double` are rejected.
    /// The parser does not recurse, so any thread can parse hostile input; nesting deeper
    /// than `maximumDepth` is rejected to bound the memory such input can claim.
    public init(parsing bytes: some Collection<UInt8>, maximumDepth: Int = JSONValue.defaultMaximumDepth) throws(JSONParseError) {
        let parsed: Result<JSONValue, JSONParseError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.parse(buffer, maximumDepth: maximumDepth)
        }
        switch parsed ?? Array(bytes).withUnsafeBufferPointer({ Self.parse($0, maximumDepth: maximumDepth) }) {
        case .success(let value):
            self = value
        case .failure(let error):
            throw error
        }
    }

    /// Parses one JSON text from a string, with the same rules as parsing bytes.
    public init(parsing text: String, maximumDepth: Int = JSONValue.defaultMaximumDepth) throws(JSONParseError) {
        var text = text
        let parsed = text.withUTF8 { Self.parse($0, maximumDepth: maximumDepth) }
        switch parsed {
        case .success(let value):
            self = value
        case .failure(let error):
            throw error
        }
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: buffer, options: JSONParseOptions(maximumDepth: maximumDepth))
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
