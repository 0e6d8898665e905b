import Foundation

/// Writes command output to a path: regular files (and new paths) atomically through a
/// temporary file, anything else (`/dev/null`, a pipe, a terminal) directly, so a device is
/// never replaced by a file.
enum OutputFile {
    /// Writes `text` to `path`.
    static func write(_ text: String, to path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw ToolFailure("cannot write \(path)")
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            return
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
