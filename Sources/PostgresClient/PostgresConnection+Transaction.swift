extension PostgresConnection {
    /// Runs `body` in a transaction: `BEGIN`, then `COMMIT` when it returns, `ROLLBACK` when
    /// it throws (the error is rethrown). Inside an open transaction it uses a savepoint
    /// instead, so calls nest.
    ///
    /// If a statement in the transaction failed and `body` caught the error, the transaction
    /// cannot commit: it is rolled back and a `.query` error says so.
    public func transaction<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        let savepoint: String?
        if isInTransaction {
            savepointCounter += 1
            savepoint = "pgpe_savepoint_\(savepointCounter)"
        } else {
            savepoint = nil
        }
        try execute(savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN")
        let value: Result
        do {
            value = try body(self)
        } catch {
            rollBack(to: savepoint)
            throw error
        }
        if isInFailedTransaction {
            rollBack(to: savepoint)
            throw PostgresError(
                kind: .query,
                message: "the transaction was rolled back: a statement in it failed and its error was caught")
        }
        try execute(savepoint.map { "RELEASE SAVEPOINT \($0)" } ?? "COMMIT")
        return value
    }

    /// Rolls back to `savepoint`, or the whole transaction when `nil`, ignoring failure (the
    /// original error is what the caller needs; a lost connection is already closed).
    private func rollBack(to savepoint: String?) {
        guard isOpen else { return }
        if let savepoint {
            _ = try? execute("ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
        } else {
            _ = try? execute("ROLLBACK")
        }
    }
}
