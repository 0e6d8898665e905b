extension JSONValue {
    /// The UTF-8 serialization in `format` (compact by default); object members in their stored order.
    public func serialized(_ format: JSONFormat = .compact) -> [UInt8] {
        let writer = JSONWriter()
        switch format {
        case .compact:
            writer.write(self)
        case .pretty:
            writer.writePretty(self)
            writer.appendNewline()
        }
        return writer.bytes
    }

    /// The serialization in `format` as a string.
    public func serializedString(_ format: JSONFormat = .compact) -> String {
        String(decoding: serialized(format), as: UTF8.self)
    }

    /// Whether this is neither an array nor an object.
    var isScalar: Bool {
        switch self {
        case .array, .object:
            return false
        default:
            return true
        }
    }

    /// Whether this is an array of scalars, or of such arrays (written on one line when pretty).
    var isFlatArray: Bool {
        guard case .array(let elements) = self else { return false }
        return elements.allSatisfy { $0.isScalar || $0.isFlatArray }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact serialization, for logs and test failures.
    public var description: String {
        serializedString()
    }
}
