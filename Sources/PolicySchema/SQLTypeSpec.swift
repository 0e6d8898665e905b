import PolicySyntax

/// A type as written in SQL, parsed but not yet resolved (user types are looked up at the end
/// of the file, so a domain or enum declared later still counts).
struct SQLTypeSpec: Sendable {
    /// The dotted name (`public.mood`, `"Status"`); for built-in spellings its first word.
    var name: SQLName
    /// For an unquoted, unqualified spelling: the folded words with modifiers, ready for
    /// `SQLType.normalize` (`double precision`, `timestamp with time zone`, `float(10)`).
    var builtinText: String?
    /// How many array markers (`[]`, `[3]`, `ARRAY`) follow.
    var arrayDepth: Int
    /// Whether it is `name%TYPE` or `name%ROWTYPE` (function arguments).
    var isAnchored: Bool
    /// Where it is written.
    var range: SourceRange

    /// The `serial` spellings, which imply NOT NULL.
    static let serialNames: Set<String> = ["serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"]

    /// Whether this is a `serial` type (NOT NULL, with a sequence default).
    var isSerial: Bool {
        arrayDepth == 0 && builtinText.map { Self.serialNames.contains($0) } == true
    }
}
