import CLibPQ

/// Where a connection's notice receiver puts the notices libpq hands it.
///
/// libpq calls the receiver on the thread running the query, so the buffer is used from
/// one thread at a time, like its connection.
final class PostgresNoticeBuffer {
    /// The most recent notices are kept; older ones are dropped past this many.
    static let capacity = 1_000
    /// Scrubs the password out of notice text.
    let scrubber: PostgresPasswordScrubber
    /// The notices received, oldest first.
    var notices: [PostgresNotice] = []

    /// A buffer whose notices pass through `scrubber`.
    init(scrubber: PostgresPasswordScrubber) {
        self.scrubber = scrubber
    }

    /// Records the notice that `result` (a `PGresult*` of a notice) carries.
    func receive(_ result: OpaquePointer) {
        func field(_ letter: Unicode.Scalar) -> String? {
            scrubber.scrub(LibPQ.trimmed(LibPQ.string(PQresultErrorField(result, LibPQ.diag(letter)))))
        }
        let notice = PostgresNotice(
            severity: field("V") ?? field("S") ?? "NOTICE",
            sqlState: field("C"),
            message: field("M") ?? scrubber.scrub(LibPQ.trimmed(LibPQ.string(PQresultErrorMessage(result)))) ?? "",
            detail: field("D"),
            hint: field("H"))
        if notices.count >= Self.capacity { notices.removeFirst(notices.count - Self.capacity + 1) }
        notices.append(notice)
    }

    /// Installs this buffer as the notice receiver of `connection`. The connection must be
    /// finished (`PQfinish`) before the buffer is released.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                Unmanaged<PostgresNoticeBuffer>.fromOpaque(context).takeUnretainedValue().receive(result)
            }, context)
    }
}
