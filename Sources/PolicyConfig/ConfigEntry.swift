import PolicySyntax
import Yams

/// One `key: value` pair of a pgpe.yaml mapping, with where its key is.
struct ConfigEntry {
    /// The key as the file names it.
    var name: String
    /// The dotted path of the key from the top (`analysis.timeout_ms`), for messages.
    var path: String
    /// The bytes of the key.
    var keyRange: SourceRange
    /// The value.
    var value: Node
}
