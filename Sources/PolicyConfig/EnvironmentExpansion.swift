/// `${VAR}` expansion in pgpe.yaml string values.
///
/// `${NAME}` (NAME is letters, digits and `_`, not starting with a digit) is replaced by the
/// variable's value, or by nothing when it is unset. `$${` is an escape that writes a literal
/// `${`. Any other `$` is kept as written; a `${` that is not closed by `}` after a valid name
/// is kept as written and reported as malformed. There are no defaults (`${A:-b}`) and no
/// nested expansion: an expanded value is never expanded again.
public enum EnvironmentExpansion {
    /// Expands `text` from `environment`, returning the result, the names of referenced
    /// variables that are unset (in order, without repeats), and whether a `${` was malformed.
    public static func expand(
        _ text: String,
        environment: [String: String]
    ) -> (text: String, unsetVariables: [String], malformed: Bool) {
        guard text.contains("$") else { return (text, [], false) }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var unset: [String] = []
        var malformed = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$" else {
                result.append(scalar)
                index += 1
                continue
            }
            if index + 2 < scalars.count, scalars[index + 1] == "$", scalars[index + 2] == "{" {
                result += "${".unicodeScalars
                index += 3
                continue
            }
            guard index + 1 < scalars.count, scalars[index + 1] == "{" else {
                result.append(scalar)
                index += 1
                continue
            }
            var end = index + 2
            var name = String.UnicodeScalarView()
            while end < scalars.count, isNameScalar(scalars[end], first: name.isEmpty) {
                name.append(scalars[end])
                end += 1
            }
            guard !name.isEmpty, end < scalars.count, scalars[end] == "}" else {
                malformed = true
                result += "${".unicodeScalars
                index += 2
                continue
            }
            let variable = String(name)
            if let value = environment[variable] {
                result += value.unicodeScalars
            } else if !unset.contains(variable) {
                unset.append(variable)
            }
            index = end + 1
        }
        return (String(result), unset, malformed)
    }

    /// Whether `text` refers to at least one variable (an escaped `$${` does not count).
    public static func containsReference(_ text: String) -> Bool {
        guard text.contains("${") else { return false }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "$" {
                if scalars[index + 1] == "$" {
                    index += 2
                    continue
                }
                if scalars[index + 1] == "{" { return true }
            }
            index += 1
        }
        return false
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "_": return true
        case "0"..."9": return !first
        default: return false
        }
    }
}
