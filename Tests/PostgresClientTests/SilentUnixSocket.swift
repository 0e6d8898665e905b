import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A unix socket that listens but never answers: connecting succeeds at the socket level
/// and then nothing comes back, so only a connect timeout ends the wait.
final class SilentUnixSocket {
    /// The directory holding the socket, used as libpq's `host`.
    let directory: String
    /// The port number in the socket's file name (`.s.PGSQL.<port>`).
    let port = 5999
    private let descriptor: Int32

    /// Binds and listens on a socket in a new temporary directory.
    init() throws {
        directory = NSTemporaryDirectory() + "pgpe-silent-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/.s.PGSQL.\(port)"
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in pathBytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
    }

    deinit {
        close(descriptor)
        try? FileManager.default.removeItem(atPath: directory)
    }
}
