/// Renders findings as GitHub Actions workflow commands, one line each:
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message` (levels error, warning
/// and notice), escaped as GitHub's toolkit escapes them, so that no message can end its line
/// or start a command of its own.
enum GitHubAnnotations {
    /// The lines of the findings that have a level, in order, joined by line breaks.
    static func render(_ findings: [CIFinding]) -> String {
        findings.compactMap(line).joined(separator: "\n")
    }

    /// One workflow command, or `nil` for a finding without a level.
    static func line(_ finding: CIFinding) -> String? {
        guard let level = finding.level else { return nil }
        var properties: [(String, String)] = []
        if let position = finding.position {
            properties += [
                ("file", position.file), ("line", "\(position.start.line)"), ("col", "\(position.start.column)"),
                ("endLine", "\(position.end.line)"), ("endColumn", "\(position.end.column)"),
            ]
        }
        properties.append(("title", finding.title))
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(level.rawValue) \(list)::\(escapeData(finding.message))"
    }

    /// A command's message: `%`, CR and LF percent-encoded (GitHub's `escapeData`).
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property's value: as `escapeData`, and `:` and `,` too (GitHub's `escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
