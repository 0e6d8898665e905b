import Foundation
import PolicySchema
import PolicySyntax
import Yams

extension ConfigReader {
    /// A string value with `${VAR}` expanded, or `nil` (reported) when it is not a scalar.
    /// Any scalar reads as text (`schema: 2024` is the path `2024`).
    mutating func string(_ entry: ConfigEntry, expected: String = "a string") -> ConfigString? {
        string(entry.value, path: entry.path, keyRange: entry.keyRange, expected: expected)
    }

    /// A string value at `path` with `${VAR}` expanded, or `nil` (reported) when it is not a
    /// non-empty scalar.
    mutating func string(_ value: Node, path: String, keyRange: SourceRange, expected: String) -> ConfigString? {
        guard let scalar = value.scalar, !isNull(value) else {
            reportWrongType(value, path: path, keyRange: keyRange, expected: expected)
            return nil
        }
        let range = source.range(of: value)
        let written = scalar.string
        guard EnvironmentExpansion.containsReference(written) || written.contains("$${") else {
            return ConfigString(text: written, written: written, range: range, usesVariables: false)
        }
        let expansion = EnvironmentExpansion.expand(written, environment: environment)
        for variable in expansion.unsetVariables {
            report(
                .configUnsetVariable,
                "environment variable '\(variable)' is not set; '\(path)' uses an empty string in its place",
                at: range)
        }
        if expansion.malformed {
            report(
                .configMalformedVariable,
                "'${' in '\(path)' is not followed by a variable name and '}'; write '$${' for a literal '${'",
                at: range)
        }
        return ConfigString(
            text: expansion.text, written: written, range: range,
            usesVariables: EnvironmentExpansion.containsReference(written))
    }

    /// A list of strings; a lone string counts as a list of one when `allowSingle`.
    /// Items that are not strings are reported and left out.
    mutating func stringList(_ entry: ConfigEntry, item: String, allowSingle: Bool) -> [ConfigString] {
        let expected = allowSingle ? "a list of \(item)s or a single \(item)" : "a list of \(item)s"
        switch entry.value {
        case .sequence(let sequence):
            var result: [ConfigString] = []
            for (index, element) in sequence.enumerated() {
                let path = "\(entry.path)[\(index)]"
                if let value = string(element, path: path, keyRange: entry.keyRange, expected: "a \(item)") {
                    result.append(value)
                }
            }
            return result
        case .scalar where allowSingle && !isNull(entry.value):
            return string(entry, expected: expected).map { [$0] } ?? []
        default:
            reportWrongType(entry, expected: expected)
            return []
        }
    }

    /// An integer in `range`, or `nil` (reported). A plain `${VAR}` value is expanded and
    /// then read as a decimal integer.
    mutating func integer(_ entry: ConfigEntry, in bounds: ClosedRange<Int>, rule: String) -> Int? {
        let value: Int
        let range = valueRange(entry.value, keyRange: entry.keyRange)
        guard let scalar = entry.value.scalar else {
            reportWrongType(entry, expected: "an integer")
            return nil
        }
        let isPlain = scalar.style == .plain || scalar.style == .any
        if isPlain, entry.value.tag.rawValue == Tag.Name.int.rawValue {
            guard let parsed = entry.value.int else {
                report(.configInvalidValue, "'\(entry.path)' \(rule), found an integer out of range", at: range)
                return nil
            }
            value = parsed
        } else if isPlain, EnvironmentExpansion.containsReference(scalar.string) {
            guard let expanded = string(entry) else { return nil }
            guard let parsed = Int(expanded.text.trimmingCharacters(in: .whitespaces)) else {
                report(
                    .configWrongType,
                    "expected an integer for '\(entry.path)', found a string after expanding variables", at: range)
                return nil
            }
            value = parsed
        } else {
            reportWrongType(entry, expected: "an integer")
            return nil
        }
        guard bounds.contains(value) else {
            report(.configInvalidValue, "'\(entry.path)' \(rule), found \(value)", at: range)
            return nil
        }
        return value
    }

    /// The case of `Choice` that `value` names, or `nil`, reported as `config.invalid-value` with
    /// a suggestion: `message` words it from the choices (`'a' or 'b'`).
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ value: ConfigString, _ message: (String) -> String
    ) -> Choice? where Choice.RawValue == String {
        if let choice = Choice(rawValue: value.text) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: value.text, among: allowed)
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        report(
            .configInvalidValue, message(allowed.map { "'\($0)'" }.joined(separator: " or ")) + hint, at: value.range,
            fixIt: suggestion.flatMap { value.usesVariables ? nil : replacement(of: value.text, at: value.range, with: $0) })
        return nil
    }

    /// `on`/`off`/`true`/`false` (and YAML's other booleans), or `nil` (reported).
    mutating func boolean(_ value: Node, path: String, keyRange: SourceRange) -> Bool? {
        if let scalar = value.scalar {
            if let bool = value.bool { return bool }
            switch scalar.string.lowercased() {
            case "on", "true": return true
            case "off", "false": return false
            default: break
            }
        }
        reportWrongType(value, path: path, keyRange: keyRange, expected: "on or off")
        return nil
    }

    /// A type name that the policy language knows (a name of `SQLType.languageTypeNames`, or
    /// an alias such as `int4` or `bool` of a known type), or `nil` (reported, with a
    /// suggestion). Arrays of known types are accepted when `allowArrays`. With
    /// `allowUserTypes`, any other name of PostgreSQL's own types or of a type the schema may
    /// define (`app.role`, `account_role`) is accepted too, with family `other`: the checker
    /// resolves it against the schema and reports it at this value when the schema has no such type.
    mutating func typeName(
        _ value: Node, path: String, keyRange: SourceRange, allowArrays: Bool, allowUserTypes: Bool = false
    ) -> SQLType? {
        guard let written = string(value, path: path, keyRange: keyRange, expected: "a type name") else { return nil }
        let text = written.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            report(.configInvalidValue, "expected a type name for '\(path)', found an empty string", at: written.range)
            return nil
        }
        let type = SQLType.normalize(text)
        if ConfigReader.isKnown(type) { return type }
        if type.family == .array {
            let element = SQLType.normalize(String(type.name.dropLast(2)))
            if ConfigReader.isKnown(element) {
                if allowArrays { return type }
                report(
                    .configUnknownType, "'\(path)' takes a single value, not an array type \(written.quoted)",
                    at: written.range)
                return nil
            }
        }
        if allowUserTypes, allowArrays || type.family != .array, ConfigReader.isTypeName(text) { return type }
        if let suggestion = Suggestions.closest(to: text, among: SQLType.languageTypeNames) {
            report(
                .configUnknownType, "unknown type \(written.quoted) for '\(path)'; did you mean '\(suggestion)'?",
                at: written.range, fixIt: written.usesVariables ? nil : replacement(of: text, at: written.range, with: suggestion))
        } else {
            report(
                .configUnknownType,
                "unknown type \(written.quoted) for '\(path)'; expected one of \(SQLType.languageTypeNames.joined(separator: ", "))",
                at: written.range)
        }
        return nil
    }

    /// Whether `text` is written like a type name: identifiers, optionally schema-qualified or
    /// double-quoted, optionally an array (`[]`).
    private static func isTypeName(_ text: String) -> Bool {
        var body = Substring(text)
        while body.hasSuffix("[]") { body = body.dropLast(2) }
        guard !body.isEmpty else { return false }
        var inQuotes = false
        for scalar in body.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
            } else if !inQuotes,
                !(scalar == "_" || scalar == "." || scalar == "$" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            {
                return false
            }
        }
        return !inQuotes
    }

    /// Whether the policy language can use values of `type`.
    private static func isKnown(_ type: SQLType) -> Bool {
        type.family != .other && type.family != .array
    }
}
