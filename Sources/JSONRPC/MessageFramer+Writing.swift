import JSON

extension MessageFramer {
    /// Frames a body as `Content-Length: N\r\n\r\n` followed by the body, N counting bytes.
    public static func frame(body: some Collection<UInt8>) -> [UInt8] {
        let header = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        var framed: [UInt8] = []
        framed.reserveCapacity(header.count + body.count)
        framed.append(contentsOf: header)
        framed.append(contentsOf: body)
        return framed
    }

    /// Serializes `value` compactly and frames it.
    public static func frame(_ value: JSONValue) -> [UInt8] {
        frame(body: value.serialized())
    }

    /// Serializes and frames a message.
    public static func frame(_ message: Message) -> [UInt8] {
        frame(message.json)
    }
}
