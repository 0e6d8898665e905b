import Foundation

/// Converts between document URIs and the absolute paths the engine uses. File URIs become
/// their (percent-decoded, lexically normalized) paths; any other URI (`untitled:…`) stands
/// for itself.
enum DocumentURI {
    /// The path a URI names.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file:") else { return uri }
        var path: String
        if let url = URL(string: uri), url.isFileURL {
            path = url.path
        } else {
            path = String(uri.dropFirst("file://".count)).removingPercentEncoding ?? String(uri.dropFirst("file://".count))
        }
        if path.isEmpty { path = "/" }
        return normalize(path)
    }

    /// The file URI of an absolute path.
    static func uri(ofPath path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: path).absoluteString
    }

    /// `path` with `.` and `..` segments and repeated slashes removed (symbolic links are left alone).
    static func normalize(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
