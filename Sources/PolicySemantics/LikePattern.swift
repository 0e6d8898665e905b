/// SQL `LIKE` matching as PostgreSQL does it: `%` any run, `_` one character, `\` escapes the
/// next character; case-sensitive; the whole string must match.
public enum LikePattern {
    /// One element of a compiled pattern.
    public enum Piece: Hashable, Sendable {
        /// A literal character.
        case character(Unicode.Scalar)
        /// `_`
        case any
        /// `%`
        case anyRun
    }

    /// The pattern split into pieces (a trailing lone `\` is a literal backslash).
    public static func pieces(_ pattern: String) -> [Piece] {
        var result: [Piece] = []
        var escaped = false
        for character in pattern.unicodeScalars {
            if escaped {
                result.append(.character(character))
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "%" {
                if result.last != .anyRun { result.append(.anyRun) }
            } else if character == "_" {
                result.append(.any)
            } else {
                result.append(.character(character))
            }
        }
        if escaped { result.append(.character("\\")) }
        return result
    }

    /// Whether `text` matches `pattern`.
    public static func matches(_ text: String, pattern: String) -> Bool {
        matches(text, pieces: pieces(pattern))
    }

    /// Whether `text` matches a pattern already split by ``pieces(_:)`` (to match many texts
    /// against one pattern without splitting it again).
    public static func matches(_ text: String, pieces: [Piece]) -> Bool {
        if !pieces.contains(where: { $0 == .any || $0 == .anyRun }) {
            // No wildcard: the text must be the pattern's characters, one for one.
            var index = 0
            for scalar in text.unicodeScalars {
                guard index < pieces.count, pieces[index] == .character(scalar) else { return false }
                index += 1
            }
            return index == pieces.count
        }
        let characters = Array(text.unicodeScalars)
        // Iterative matching with backtracking to the last `%`.
        var t = 0
        var p = 0
        var starP = -1
        var starT = 0
        while t < characters.count {
            if p < pieces.count {
                switch pieces[p] {
                case .anyRun:
                    starP = p
                    starT = t
                    p += 1
                    continue
                case .any:
                    t += 1
                    p += 1
                    continue
                case .character(let c) where c == characters[t]:
                    t += 1
                    p += 1
                    continue
                default:
                    break
                }
            }
            if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pieces.count, pieces[p] == .anyRun { p += 1 }
        return p == pieces.count
    }
}
