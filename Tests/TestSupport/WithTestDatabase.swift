import PolicyWorkloads

/// Runs `body` with a fresh `TestDatabase` and drops it afterwards, also when `body` throws
/// (then `body`'s error is the one rethrown).
public func withTestDatabase<Result>(_ body: (TestDatabase) async throws -> Result) async throws -> Result {
    let database = try TestDatabase.create()
    let value: Result
    do {
        value = try await body(database)
    } catch {
        try? database.drop()
        throw error
    }
    try database.drop()
    return value
}
