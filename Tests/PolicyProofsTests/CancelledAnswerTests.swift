import Cancellation
import PolicySemantics
import TestSupport
import Testing

@testable import PolicyProofs

/// A solver answer cut short by a cancellation must not be remembered: the language server's
/// session cache outlives the run an edit cancels, and a remembered "cancelled" would come back
/// as UNKNOWN in every later run that asks the same question.
@Suite struct CancelledAnswerTests {
    @Test func anAnswerCutShortByACancellationIsNotRemembered() throws {
        let catalogueCase = try #require(try ProofCatalogue.cases().first)
        let set = try ProofHarness.load(catalogueCase).policySet
        let index = PredicateIndex(set: set)
        var options = AnalysisOptions(config: set.config)
        options.useShortcuts = false
        let queries = ProofPlanner(index: index, options: options).plan()
        #expect(!queries.isEmpty)
        let cache = ProofCache()
        let cancelled = CancellationToken()
        cancelled.cancel()
        let interrupted = try ProofRunner(index: index, timeoutMilliseconds: 10_000, cache: cache, cancellation: cancelled)
        let reasons = queries.map { interrupted.run($0).0.reason }
        #expect(reasons.contains("cancelled"))
        #expect(cache.count == 0)
        let later = try ProofRunner(index: index, timeoutMilliseconds: 10_000, cache: cache)
        for query in queries {
            let verdict = later.run(query).0
            #expect(verdict.reason != "cancelled", "\(query.table) \(verdict.proof)")
        }
    }
}
