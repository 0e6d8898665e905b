import Foundation

/// Writing to the terminal: stdout for results, stderr for diagnostics and progress; colour
/// only on a terminal and never when `NO_COLOR` is set.
enum Terminal {
    /// Writes `text` and a newline to standard output.
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` without a newline to standard output.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a newline to standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether colour may be used on the given stream.
    static func colorEnabled(fileDescriptor: Int32) -> Bool {
        if ProcessInfo.processInfo.environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return false }
        return isatty(fileDescriptor) == 1
    }

    /// `text` with the control characters a terminal acts on (C0 but line feed and tab, DEL, C1)
    /// written as `\u{1b}`…: messages carry names from schemas and live catalogs, and a planted
    /// name must not move the cursor, clear the screen or retitle the window.
    static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isActive) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isActive(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isActive(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` wrapped in an ANSI colour when `enabled`.
    static func paint(_ text: String, _ code: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The working directory.
    static var workingDirectory: String { FileManager.default.currentDirectoryPath }

    /// `path` relative to the working directory when it lies below it.
    static func relative(_ path: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        return path
    }
}
