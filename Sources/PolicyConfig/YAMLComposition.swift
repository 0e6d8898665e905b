import PolicySyntax
import Yams

/// pgpe.yaml composed into Yams nodes, with what recovery from duplicate keys changed.
struct YAMLComposition {
    /// The document's root; `nil` for an empty document or when the YAML is invalid.
    var root: Node?
    /// YAML syntax errors and duplicate keys.
    var diagnostics: [Diagnostic]
    /// Keys replaced by placeholders so the document could be composed despite duplicates:
    /// start offset → the key's real name and bytes.
    var restoredKeys: [Int: (name: String, range: SourceRange)]
    /// Start offsets of later occurrences of duplicate keys; their entries are ignored.
    var ignoredKeys: Set<Int>
}
