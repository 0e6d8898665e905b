/// Renders findings as JUnit XML in the form Jenkins, GitLab and the other CI servers read
/// (the Ant/Jenkins schema, Tests/Fixtures/junit/jenkins-junit.xsd): `<testsuites>` with one
/// `<testsuite>` per group, in the order groups first appear, and one `<testcase>` per finding
/// (a name repeated within a suite numbered `#2`, `#3`…),
/// holding `<failure>` or `<skipped>` and, for a passed finding with a message, `<system-out>`.
enum JUnitReport {
    /// The XML document of `findings`, named after the command (`pgpe check`).
    static func render(_ findings: [CIFinding], name: String) -> String {
        var groups: [(name: String, cases: [CIFinding])] = []
        for finding in findings {
            if let index = groups.firstIndex(where: { $0.name == finding.group }) {
                groups[index].cases.append(finding)
            } else {
                groups.append((finding.group, [finding]))
            }
        }
        let failures = findings.count { $0.outcome == .failed }
        let skipped = findings.count { $0.outcome == .skipped }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"\(attribute(name))\" tests=\"\(findings.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">",
        ]
        for (index, group) in groups.enumerated() {
            let groupFailures = group.cases.count { $0.outcome == .failed }
            let groupSkipped = group.cases.count { $0.outcome == .skipped }
            lines.append(
                "  <testsuite name=\"\(attribute(group.name))\" id=\"\(index)\" tests=\"\(group.cases.count)\" failures=\"\(groupFailures)\" errors=\"0\" skipped=\"\(groupSkipped)\">"
            )
            var seen: [String: Int] = [:]
            for finding in group.cases {
                // CI servers key test cases by suite and name: a repeated name gets a number.
                let count = (seen[finding.name] ?? 0) + 1
                seen[finding.name] = count
                let name = count == 1 ? finding.name : "\(finding.name) #\(count)"
                let head = "    <testcase name=\"\(attribute(name))\" classname=\"\(attribute(group.name))\""
                let body = details(finding)
                if body.isEmpty {
                    lines.append(head + "/>")
                    continue
                }
                lines.append(head + ">")
                lines.append(body)
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n")
    }

    /// The `<failure>`, `<skipped>` or `<system-out>` element of a test case, or "".
    private static func details(_ finding: CIFinding) -> String {
        var text = finding.message
        if let position = finding.position {
            text = "\(position.file):\(position.start.line):\(position.start.column): \(text)"
        }
        switch finding.outcome {
        case .failed:
            return "      <failure message=\"\(attribute(finding.title))\" type=\"\(attribute(finding.rule))\">\(escape(text))</failure>"
        case .skipped:
            return "      <skipped message=\"\(attribute(finding.title + ": " + finding.message))\"/>"
        case .passed:
            return finding.message.isEmpty ? "" : "      <system-out>\(escape(text))</system-out>"
        }
    }

    /// `text` as an attribute value: as `escape`, with line breaks and tabs as character
    /// references, which attribute-value normalization would otherwise turn into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// `text` as XML character data (or, `inAttribute`, an attribute value): `&`, `<`, `>`, `"` and `'` as
    /// entities, and the characters XML 1.0 cannot hold (other C0 controls, U+FFFE, U+FFFF)
    /// written as `\u{…}`, so that any name or message gives a well-formed document.
    static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r":
                if inAttribute {
                    result += "&#\(scalar.value);"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
