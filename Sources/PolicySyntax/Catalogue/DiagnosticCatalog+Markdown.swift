extension DiagnosticCatalog {
    /// The command that rewrites docs/diagnostics.md from the catalogue.
    public static let regenerateCommand = "PGPE_UPDATE_GOLDEN=1 swift test --filter DiagnosticCatalogTests"

    /// docs/diagnostics.md: every area with its kinds, their default severities, the exceptions
    /// and the explanations, each kind under an anchor named after its id.
    public static var markdown: String {
        var lines: [String] = [
            "# Diagnostics",
            "",
            "<!-- Generated from the diagnostic catalogue (Sources/PolicySyntax/Catalogue); do not edit by hand.",
            "     Regenerate with: \(regenerateCommand) -->",
            "",
            "Every diagnostic pgpe reports has a stable id, `area.name`: the `[id]` of `pgpe check`'s text output,",
            "the `code` of its JSON output and of the language server's diagnostics, and the `ruleId` of SARIF",
            "results (whose `tool.driver.rules` carry the explanation and default level given here).",
            "The severity is the one a diagnostic has unless a listed exception says otherwise;",
            "SARIF reports `error` and `warning` as such and `info` and `hint` as `note`.",
            "",
            "| Area | Ids | What produces them |",
            "|---|---|---|",
        ]
        for area in areas {
            lines.append("| [\(area.title)](#\(area.prefix)) | `\(area.prefix).*` (\(area.kinds.count)) | \(cell(area.summary)) |")
        }
        for area in areas {
            lines += [
                "",
                "<a id=\"\(area.prefix)\"></a>",
                "## \(area.title)",
                "",
                area.summary,
                "",
                "| Id | Severity | Meaning |",
                "|---|---|---|",
            ]
            for kind in area.kinds {
                var meaning = cell(kind.summary)
                for exception in kind.exceptions {
                    meaning += " *(\(exception.severity.rawValue) for \(cell(exception.when)))*"
                }
                lines.append("| <a id=\"\(kind.anchor)\"></a>`\(kind.id)` | \(kind.severity.rawValue) | \(meaning) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` fit for a Markdown table cell.
    private static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
