/// Lexical path arithmetic for pgpe.yaml (no filesystem access, symlinks are not resolved).
enum ConfigPath {
    /// `path` made absolute against `base` (itself absolute), with `.` and `..` removed.
    static func absolute(_ path: String, relativeTo base: String) -> String {
        let combined = path.hasPrefix("/") ? path : join(base, path)
        var parts: [Substring] = []
        for part in combined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `directory` and `name` joined with one `/`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The directory containing the absolute path `path` (`/` for `/` itself).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "/" }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }
}
