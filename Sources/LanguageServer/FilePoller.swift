import Foundation
import Synchronization

/// Notices changes to files on disk for clients that cannot watch them: every `interval`
/// seconds it compares the modification time and size of every watched file (directories are
/// searched for `.policy` files) with the previous look, and reports created, changed and
/// deleted files on the server's queue.
final class FilePoller: Sendable {
    /// The timer, while polling, and the previous look (touched by `tick` on `ownQueue` only).
    private struct State {
        var timer: DispatchSourceTimer?
        var stamps: [String: String]?
    }

    private let interval: Double
    private let serverQueue: DispatchQueue
    private let ownQueue = DispatchQueue(label: "pgpe.lsp.poller", qos: .utility)
    private let watched: @Sendable () -> [(String, [String])]
    private let changed: @Sendable ([String]) -> Void
    private let state = Mutex(State())

    /// Creates a poller; `watched` runs on `queue` and lists each project's paths, `changed`
    /// runs on `queue` with the paths that changed.
    init(
        interval: Double, queue: DispatchQueue, watched: @escaping @Sendable () -> [(String, [String])],
        changed: @escaping @Sendable ([String]) -> Void
    ) {
        self.interval = interval
        self.serverQueue = queue
        self.watched = watched
        self.changed = changed
    }

    /// Starts polling (the first look only records the current state).
    func start() {
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: ownQueue)
            timer.schedule(deadline: .now(), repeating: interval)
            timer.setEventHandler { [weak self] in self?.tick() }
            state.timer = timer
            timer.resume()
        }
    }

    /// Stops polling.
    func stop() {
        state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
        }
    }

    private func tick() {
        let roots = serverQueue.sync { [watched] in watched().flatMap(\.1) }
        let current = FilePoller.stamps(of: roots)
        let previous = state.withLock { state -> [String: String]? in
            defer { state.stamps = current }
            return state.stamps
        }
        guard let previous else { return }
        var found: [String] = []
        for (path, stamp) in current where previous[path] != stamp { found.append(path) }
        for path in previous.keys where current[path] == nil { found.append(path) }
        guard !found.isEmpty else { return }
        let paths = found.sorted()
        serverQueue.async { [changed] in changed(paths) }
    }

    /// Modification time and size of every file under `roots`.
    static func stamps(of roots: [String]) -> [String: String] {
        let manager = FileManager.default
        var result: [String: String] = [:]
        func stamp(_ path: String) {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return }
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            result[path] = "\(date)|\(size)"
        }
        for root in Set(roots) {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                stamp(root)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            for case let relative as String in enumerator where relative.hasSuffix(".policy") {
                stamp((root as NSString).appendingPathComponent(relative))
            }
        }
        return result
    }
}
