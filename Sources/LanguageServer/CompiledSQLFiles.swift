import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files "Open compiled SQL in a new file" hands to the editor: each created by the server,
/// fresh (`O_CREAT | O_EXCL | O_NOFOLLOW`, mode 0600), in a private directory made with
/// `mkdtemp` (mode 0700) under the temporary directory. No other user can plant a symlink or a
/// file there, so the editor's "create with overwrite" cannot be steered to another file.
///
/// One file per target name and server; later requests for the same target reuse it while it is
/// still a regular file of this user. Thread-safe (requests are answered concurrently).
final class CompiledSQLFiles: Sendable {
    /// The private directory, once made, and the file made for each target name.
    private struct State {
        var directory: String?
        var files: [String: String] = [:]
    }

    private let state = Mutex(State())
    /// The directory under which the private directory is made.
    private let temporaryDirectory: String

    /// Files under `temporaryDirectory` (the system's temporary directory by default).
    init(temporaryDirectory: String = NSTemporaryDirectory()) {
        self.temporaryDirectory = temporaryDirectory
    }

    /// The path of the file for target `name`, made on first use; `nil` when no private file
    /// can be made (then the action is not offered).
    func path(for name: String) -> String? {
        state.withLock { state -> String? in
            if let existing = state.files[name], let directory = state.directory, Self.isOwnPrivateDirectory(directory),
                Self.isOwnRegularFile(existing)
            {
                return existing
            }
            guard let directory = privateDirectory(&state) else { return nil }
            let base = Self.safeFileName(name)
            for attempt in 0..<100 {
                let file = (directory as NSString).appendingPathComponent(attempt == 0 ? "\(base).sql" : "\(base)-\(attempt).sql")
                let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
                if descriptor >= 0 {
                    close(descriptor)
                    state.files[name] = file
                    return file
                }
                if errno != EEXIST { return nil }
            }
            return nil
        }
    }

    /// The private directory, made with `mkdtemp` on first use.
    private func privateDirectory(_ state: inout State) -> String? {
        if let directory = state.directory, Self.isOwnPrivateDirectory(directory) { return directory }
        let template = (temporaryDirectory as NSString).appendingPathComponent("pgpe-compiled-\(geteuid())-XXXXXX")
        var bytes = Array(template.utf8CString)
        guard
            let made = bytes.withUnsafeMutableBufferPointer({ buffer in
                buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
            })
        else { return nil }
        state.directory = made
        return made
    }

    /// Whether `path` is a directory (not a symlink) of this user that nobody else may enter.
    private static func isOwnPrivateDirectory(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR && info.st_uid == geteuid() && (info.st_mode & 0o077) == 0
    }

    /// Whether `path` is a regular file (not a symlink) of this user.
    private static func isOwnRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG && info.st_uid == geteuid()
    }

    /// `name` with everything but letters, digits, `_` and `-` replaced by `_` (by scalar), at
    /// most 100 bytes long.
    static func safeFileName(_ name: String) -> String {
        var safe = ""
        for scalar in name.unicodeScalars {
            let keep = CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "-"
            let next: Unicode.Scalar = keep ? scalar : "_"
            if safe.utf8.count + next.utf8.count > 100 { break }
            safe.unicodeScalars.append(next)
        }
        return safe.isEmpty ? "compiled" : safe
    }
}
