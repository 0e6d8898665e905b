import PolicySyntax

/// A dotted name as written in SQL (`users`, `public.users`, `db.public."Users"`), each part
/// already folded (unquoted) or decoded (quoted).
struct SQLName: Sendable {
    /// The parts, left to right.
    var parts: [String]
    /// Whether each part was a quoted identifier.
    var quoted: [Bool]
    /// The range covering the whole name.
    var range: SourceRange

    /// The last part: the object's own name.
    var last: String { parts.last ?? "" }

    /// The schema part, when the name is qualified (`db.schema.name` has one too).
    var schema: String? { parts.count >= 2 ? parts[parts.count - 2] : nil }
}
