/// How `JSONValue.serialized(_:)` lays out its output.
public enum JSONFormat: Sendable, Hashable {
    /// No whitespace at all: what JSON-RPC messages and the CLI's `--format json` print.
    case compact
    /// A deterministic document for people and version control: two-space indentation, one member
    /// or element per line, `": "` after names, and objects holding only scalars or arrays holding
    /// only scalars (or arrays of such arrays) kept on one line with `", "` between parts; ends in
    /// a newline.
    case pretty
}
