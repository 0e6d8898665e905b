import PolicySemantics
import PolicySyntax

/// Renaming a policy across the workspace: every declaration with that name, in every file.
/// (Policy names appear nowhere else in `.policy` files; the compiled SQL names follow them.)
public enum RenameProvider {
    /// The policy name at `offset` of the file at `path`, or `nil` when the cursor is elsewhere.
    public static func prepare(at offset: Int, in path: String, snapshot: WorkspaceSnapshot) -> RenameTarget? {
        guard let file = snapshot.file(path), let hit = SyntaxLookup.hit(at: offset, in: file),
            case .policyName(let name) = hit.element
        else { return nil }
        return RenameTarget(range: name.range, placeholder: file.source.text(in: name.range))
    }

    /// The edits, by file, that rename the policy at `offset` to `newName` (written bare when it
    /// is a plain lower-case identifier, else double-quoted).
    public static func rename(
        at offset: Int, in path: String, to newName: String,
        snapshot: WorkspaceSnapshot
    ) throws(RenameError) -> [String: [TextEdit]] {
        guard let target = prepare(at: offset, in: path, snapshot: snapshot), let file = snapshot.file(path),
            let old = file.tree.policies.first(where: { $0.name?.range == target.range })?.name
        else {
            throw RenameError("only a policy's name can be renamed; put the cursor on the name after POLICY")
        }
        let (written, identifier) = try spelling(of: newName)
        if identifier != old.identifier,
            let other = snapshot.policySet.policies.first(where: { $0.ref.name == identifier })
        {
            let position = snapshot.sourceFile(other.ref.location.file)?.position(of: other.ref.nameRange.start)
            throw RenameError("a policy named '\(identifier)' already exists" + (position.map { " (line \($0.line))" } ?? ""))
        }
        var edits: [String: [TextEdit]] = [:]
        for parsed in snapshot.files {
            for policy in parsed.tree.policies {
                guard let name = policy.name, name.identifier == old.identifier else { continue }
                edits[parsed.source.path, default: []].append(TextEdit(range: name.range, newText: written))
            }
        }
        return edits
    }

    /// How `name` is written in a declaration and the identifier it stands for.
    static func spelling(of name: String) throws(RenameError) -> (written: String, identifier: String) {
        var text = name.trimmingWhitespace
        // Scalars, not Characters: a quote fused with a combining mark is still a quote.
        let scalars = text.unicodeScalars
        if scalars.count >= 2, scalars.first == "\"", scalars.last == "\"" {
            text = String(scalars.dropFirst().dropLast()).replacingDoubledQuotes
        }
        guard !text.isEmpty else { throw RenameError("a policy name cannot be empty") }
        guard !text.unicodeScalars.contains(where: { Character($0).isNewline })
        else { throw RenameError("a policy name cannot span lines") }
        let bare = Operand.name(text)
        if bare == text && Keyword.lookup(text) == nil { return (text, text) }
        return ("\"" + text.doublingQuotes("\"") + "\"", text)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    fileprivate var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The string with each `""` read as one `"`.
    fileprivate var replacingDoubledQuotes: String {
        var result = ""
        var previousQuote = false
        for scalar in unicodeScalars {
            if scalar == "\"" && previousQuote {
                previousQuote = false
                continue
            }
            previousQuote = scalar == "\""
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
