import Dispatch
import Foundation
import Synchronization

/// One thread that runs short actions at deadlines: it stops solver checks whose time is up
/// and repeats an interruption until the check returns (see `QueryInterruption`).
///
/// It replaces Z3's own `timeout` parameter, whose timer thread pool in Z3 4.8.10–4.8.12 has
/// races (upstream PRs #5369–#5371, issue #5990) that can leave `Z3_del_context` spinning
/// forever. The thread ("pgpe-smt-timer") is started on first use and lives as long as the
/// process; it sleeps on a semaphore until the earliest deadline, so an idle timer costs nothing.
final class DeadlineTimer: Sendable {
    /// The process's timer.
    static let shared = DeadlineTimer()

    /// A scheduled action, for `cancel(_:)`.
    struct Handle: Sendable, Hashable {
        /// The entry's identity.
        fileprivate let id: Int
    }

    /// An action and when it is due.
    private struct Entry: Sendable {
        let id: Int
        var deadline: UInt64
        /// Runs on the timer thread; returns how long until it should run again, or `nil`.
        let action: @Sendable () -> Duration?
    }

    /// The entries, earliest deadline first, and whether the thread runs.
    private struct State {
        var entries: [Entry] = []
        var nextID = 1
        var started = false
    }

    private let state = Mutex(State())
    /// Signalled when an entry becomes the earliest, so the thread waits for the right deadline.
    private let wake = DispatchSemaphore(value: 0)

    /// Runs `action` on the timer thread after `delay`, and again after the delay it returns
    /// until it returns `nil`. Actions must be short and must cope with running once after
    /// `cancel(_:)` when they were already due.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Duration?) -> Handle {
        let deadline = Self.deadline(after: delay)
        let (id, earliest, start) = state.withLock { state -> (Int, Bool, Bool) in
            let id = state.nextID
            state.nextID += 1
            let earliest = Self.insert(Entry(id: id, deadline: deadline, action: action), into: &state.entries) == 0
            let start = !state.started
            state.started = true
            return (id, earliest, start)
        }
        if start {
            let thread = Thread { [self] in run() }
            thread.name = "pgpe-smt-timer"
            thread.start()
        } else if earliest {
            wake.signal()
        }
        return Handle(id: id)
    }

    /// Forgets a scheduled action.
    func cancel(_ handle: Handle) {
        state.withLock { state in
            if let position = state.entries.firstIndex(where: { $0.id == handle.id }) {
                state.entries.remove(at: position)
            }
        }
    }

    /// The timer thread: runs what is due, then sleeps until the next deadline or a signal.
    private func run() {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            let (due, next) = state.withLock { state -> ([Entry], UInt64?) in
                let count = state.entries.firstIndex { $0.deadline > now } ?? state.entries.count
                let due = Array(state.entries.prefix(count))
                state.entries.removeFirst(count)
                return (due, state.entries.first?.deadline)
            }
            for entry in due {
                guard let again = entry.action() else { continue }
                let repeated = Entry(id: entry.id, deadline: Self.deadline(after: again), action: entry.action)
                state.withLock { _ = Self.insert(repeated, into: &$0.entries) }
            }
            if due.isEmpty {
                _ = wake.wait(timeout: next.map { DispatchTime(uptimeNanoseconds: $0) } ?? .distantFuture)
            }
        }
    }

    /// Inserts `entry` after the entries due no later; returns its position.
    private static func insert(_ entry: Entry, into entries: inout [Entry]) -> Int {
        let position = entries.firstIndex { $0.deadline > entry.deadline } ?? entries.count
        entries.insert(entry, at: position)
        return position
    }

    /// The uptime, in nanoseconds, `delay` from now (at least 1 ns from now).
    private static func deadline(after delay: Duration) -> UInt64 {
        let (seconds, attoseconds) = delay.components
        // At most 2^32 s (136 years), so the sum cannot overflow.
        let nanoseconds = min(max(seconds, 0), 1 << 32) * 1_000_000_000 + max(attoseconds, 0) / 1_000_000_000
        return DispatchTime.now().uptimeNanoseconds + UInt64(max(nanoseconds, 1))
    }
}
