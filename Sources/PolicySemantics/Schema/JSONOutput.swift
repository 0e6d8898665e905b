/// A JSON value to write; objects keep their member order.
///
/// `rendered()` is deterministic: members in the order given, two-space indentation, one member
/// per line, and arrays or objects that hold only scalars kept on one line.
indirect enum JSONOutput {
    /// An object with members in this order.
    case object([(String, JSONOutput)])
    /// An array.
    case array([JSONOutput])
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A boolean.
    case bool(Bool)
    /// `null`.
    case null

    /// A string, or `null` when nil.
    static func optional(_ text: String?) -> JSONOutput {
        text.map { .string($0) } ?? .null
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// Whether it is an array of scalars, or an array of such arrays.
    private var isFlatArray: Bool {
        guard case let .array(elements) = self else { return false }
        return elements.allSatisfy { $0.isScalar || $0.isFlatArray }
    }

    /// The document for this value, ending in a newline.
    func rendered() -> String {
        var output = ""
        Self.write(self, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    private static func write(_ value: JSONOutput, indent: Int, into output: inout String) {
        switch value {
        case let .object(members):
            if members.isEmpty {
                output.append("{}")
            } else if members.allSatisfy({ $0.1.isScalar }) {
                output.append("{")
                for (index, member) in members.enumerated() {
                    if index > 0 { output.append(", ") }
                    appendString(member.0, into: &output)
                    output.append(": ")
                    write(member.1, indent: indent, into: &output)
                }
                output.append("}")
            } else {
                output.append("{\n")
                for (index, member) in members.enumerated() {
                    output.append(String(repeating: " ", count: indent + 2))
                    appendString(member.0, into: &output)
                    output.append(": ")
                    write(member.1, indent: indent + 2, into: &output)
                    output.append(index + 1 < members.count ? ",\n" : "\n")
                }
                output.append(String(repeating: " ", count: indent) + "}")
            }
        case let .array(elements):
            if elements.isEmpty {
                output.append("[]")
            } else if value.isFlatArray {
                output.append("[")
                for (index, element) in elements.enumerated() {
                    if index > 0 { output.append(", ") }
                    write(element, indent: indent, into: &output)
                }
                output.append("]")
            } else {
                output.append("[\n")
                for (index, element) in elements.enumerated() {
                    output.append(String(repeating: " ", count: indent + 2))
                    write(element, indent: indent + 2, into: &output)
                    output.append(index + 1 < elements.count ? ",\n" : "\n")
                }
                output.append(String(repeating: " ", count: indent) + "]")
            }
        case let .string(text):
            appendString(text, into: &output)
        case let .integer(number):
            output.append(String(number))
        case let .bool(flag):
            output.append(flag ? "true" : "false")
        case .null:
            output.append("null")
        }
    }

    private static func appendString(_ text: String, into output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }
}
