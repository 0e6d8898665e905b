import Foundation
import Synchronization

/// The `proving: done/total` line `analyze` keeps on a terminal's standard error, redrawn at
/// most every 0.2 s and once at the end. Thread-safe: the proof workers report to it.
final class ProofProgressLine: Sendable {
    /// When the line was last drawn (seconds since 1970).
    private let lastShown = Mutex(0.0)

    /// Reports that `done` of `total` queries are answered.
    func update(done: Int, total: Int) {
        let now = Date().timeIntervalSince1970
        let show = lastShown.withLock { lastShown in
            guard now - lastShown > 0.2 || done == total else { return false }
            lastShown = now
            return true
        }
        guard show else { return }
        FileHandle.standardError.write(Data("\rproving: \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
