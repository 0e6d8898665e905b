import PolicySyntax
import Yams

/// Reads composed pgpe.yaml nodes into a `ProjectConfig`, reporting every problem as a
/// diagnostic at the key or value concerned and carrying on with the rest of the file.
///
/// A key whose value is empty (`key:` or `key: ~`) at the top level counts as left out, so a
/// section whose entries are all commented out is not an error.
struct ConfigReader {
    /// The file's text.
    let file: SourceFile
    /// Position conversions for the file.
    let source: YAMLSource
    /// Values for `${VAR}`.
    let environment: [String: String]
    /// Keys masked while recovering from duplicates, by start offset.
    let restoredKeys: [Int: (name: String, range: SourceRange)]
    /// Later occurrences of duplicate keys, by start offset.
    let ignoredKeys: Set<Int>
    /// The configuration read so far.
    var config: ProjectConfig
    /// The problems found so far.
    var diagnostics: [Diagnostic] = []

    /// The keys allowed at the top level, in SPEC 1.1 order (`profile` is SPEC 11.1's, `apply`
    /// pgpe's extension).
    static let topLevelKeys = [
        "policies", "schema", "database", "schemas", "session", "profile", "missing_context", "isolation",
        "functions", "analysis", "apply", "naming", "force", "accept",
    ]
    /// The keys allowed in a `session:` entry written as a map (v2 form).
    static let sessionValueKeys = ["type", "sql"]
    /// The keys allowed under `analysis:`.
    static let analysisKeys = ["timeout_ms", "max_depth", "proofs", "separate_roles"]
    /// The keys allowed under `apply:`.
    static let applyKeys = ["lock_timeout_ms"]
    /// The keys allowed in an `isolation:` entry.
    static let isolationKeys = ["key", "tables"]
    /// The keys allowed in an `accept:` entry.
    static let acceptKeys = ["proof", "finding", "object", "tables", "commands", "roles", "reason"]
    /// The keys allowed in a `functions:` entry.
    static let functionKeys = ["args", "returns", "schema", "volatility"]
    /// The keys allowed in an argument of a `functions:` entry written as a map.
    static let functionArgumentKeys = ["type", "default"]

    /// Prepares to read `file` into `config` (which holds the defaults).
    init(file: SourceFile, source: YAMLSource, composition: YAMLComposition, environment: [String: String], config: ProjectConfig) {
        self.file = file
        self.source = source
        self.environment = environment
        self.restoredKeys = composition.restoredKeys
        self.ignoredKeys = composition.ignoredKeys
        self.config = config
    }

    // MARK: - Reporting

    /// Records a diagnostic at `range`, with the kind's severity unless `exception` (one the kind
    /// documents) says otherwise.
    mutating func report(
        _ kind: DiagnosticKind, _ message: String, at range: SourceRange, exception: SeverityException? = nil,
        notes: [DiagnosticNote] = [], fixIt: FixIt? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                kind, exception: exception, message: message, location: location(range),
                notes: notes, fixIts: fixIt.map { [$0] } ?? []))
    }

    /// `range` in this file.
    func location(_ range: SourceRange) -> FileLocation {
        FileLocation(file: file.path, range: range)
    }

    /// A fix-it replacing `range` with `text`, when `range` holds exactly `written`.
    func replacement(of written: String, at range: SourceRange, with text: String) -> FixIt? {
        guard source.isVerbatim(written, at: range.start), range.length == written.utf8.count else { return nil }
        return FixIt(title: "replace with '\(text)'", file: file.path, edits: [TextEdit(range: range, newText: text)])
    }

    /// Reports a value of the wrong kind.
    mutating func reportWrongType(_ entry: ConfigEntry, expected: String) {
        reportWrongType(entry.value, path: entry.path, keyRange: entry.keyRange, expected: expected)
    }

    /// Reports a value of the wrong kind, at the value (or at its key when the value is empty).
    mutating func reportWrongType(_ value: Node, path: String, keyRange: SourceRange, expected: String) {
        report(
            .configWrongType, "expected \(expected) for '\(path)', found \(describe(value))",
            at: valueRange(value, keyRange: keyRange))
    }

    /// The bytes of `value`, or `keyRange` when the value is empty (libYAML places empty
    /// values wherever the next token is).
    func valueRange(_ value: Node, keyRange: SourceRange) -> SourceRange {
        if isNull(value), let scalar = value.scalar, scalar.string.isEmpty { return keyRange }
        return source.range(of: value)
    }

    /// What a value is, for messages ("a list", "a string"...). Never quotes the value.
    func describe(_ value: Node) -> String {
        switch value {
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            switch value.tag.rawValue {
            case Tag.Name.null.rawValue: return "an empty value"
            case Tag.Name.bool.rawValue: return "a boolean"
            case Tag.Name.int.rawValue: return "an integer"
            case Tag.Name.float.rawValue: return "a number"
            default: return "a string"
            }
        }
    }

    /// Whether `value` is YAML's null (`~`, `null`, or nothing at all).
    func isNull(_ value: Node) -> Bool {
        guard value.scalar != nil else { return false }
        return value.tag.rawValue == Tag.Name.null.rawValue
    }

    // MARK: - Mappings

    /// The entries of the mapping `node` (which the caller checked is a mapping), skipping
    /// duplicates and, when `allowed` is given, reporting and skipping unknown keys.
    mutating func entries(of node: Node, path: String?, allowed: [String]?) -> [ConfigEntry] {
        guard let mapping = node.mapping else { return [] }
        var result: [ConfigEntry] = []
        var seen: [String: SourceRange] = [:]
        for (key, value) in mapping {
            let restored = restoredKeys[source.start(of: key)]
            let keyRange = restored?.range ?? source.range(of: key)
            if ignoredKeys.contains(keyRange.start) { continue }
            guard let scalar = key.scalar else {
                report(
                    .configWrongType, "expected a key name\(path.map { " in '\($0)'" } ?? ""), found \(describe(key))",
                    at: keyRange)
                continue
            }
            let name = restored?.name ?? scalar.string
            let fullPath = path.map { "\($0).\(name)" } ?? name
            if let first = seen[name] {
                report(
                    .configDuplicateKey, "duplicate key '\(name)'", at: keyRange,
                    notes: [DiagnosticNote(message: "'\(name)' is first defined here", location: location(first))])
                continue
            }
            seen[name] = keyRange
            if let allowed, !allowed.contains(name) {
                reportUnknownKey(name, at: keyRange, in: path, allowed: allowed)
                continue
            }
            result.append(ConfigEntry(name: name, path: fullPath, keyRange: keyRange, value: value))
        }
        return result
    }

    /// `config.unknown-key` with a suggestion, or the list of valid keys when none is close.
    private mutating func reportUnknownKey(_ name: String, at range: SourceRange, in path: String?, allowed: [String]) {
        let place = path.map { " in '\($0)'" } ?? ""
        if let suggestion = Suggestions.closest(to: name, among: allowed) {
            report(
                .configUnknownKey, "unknown key '\(name)'\(place); did you mean '\(suggestion)'?", at: range,
                fixIt: replacement(of: name, at: range, with: suggestion))
        } else {
            report(
                .configUnknownKey,
                "unknown key '\(name)'\(place); expected one of \(allowed.joined(separator: ", "))", at: range)
        }
    }
}
