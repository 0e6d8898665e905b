extension JSONValue {
    /// The compact UTF-8 serialization: no whitespace, object members in their stored order.
    public func serialized() -> [UInt8] {
        let writer = JSONWriter()
        writer.write(self)
        return writer.bytes
    }

    /// The compact serialization as a string.
    public func serializedString() -> String {
        String(decoding: serialized(), as: UTF8.self)
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact serialization, for logs and test failures.
    public var description: String {
        serializedString()
    }
}
