import Foundation
import JSON

/// Settings of the language server, from the command line and the client's
/// `initializationOptions` (`proofDelayMs`, `backgroundProofs`, `proofJobs`, `pollIntervalMs`).
public struct LanguageServerOptions: Sendable {
    /// How long after the last edit background proofs start, in seconds.
    public var proofDelay: Double = 0.15
    /// Whether proofs run in the background at all.
    public var backgroundProofs = true
    /// Solver worker threads per proof run. One by default: proofs run beside an editor, and a
    /// second Z3 context costs about 30 MB and takes a core from the keystrokes (`--jobs` or
    /// `proofJobs` raise it).
    public var proofJobs = 1
    /// How often files on disk are checked for changes when the client cannot watch them, in
    /// seconds (0 turns polling off).
    public var pollInterval: Double = 2
    /// How often the server checks that the client's process (`initialize`'s `processId`) still
    /// runs, in seconds; it exits once it is gone (0 turns the check off).
    public var parentCheckInterval: Double = 3

    /// The defaults.
    public init() {}

    /// These options with the client's `initializationOptions` applied.
    func merging(_ json: JSONValue?) -> LanguageServerOptions {
        var options = self
        // Clamped: a timer or thread count from an absurd value would trap (a day, 64 threads).
        if let delay = json?["proofDelayMs"]?.int { options.proofDelay = min(max(0, Double(delay) / 1000), 86_400) }
        if let enabled = json?["backgroundProofs"]?.bool { options.backgroundProofs = enabled }
        if let jobs = json?["proofJobs"]?.int { options.proofJobs = min(max(1, jobs), 64) }
        if let interval = json?["pollIntervalMs"]?.int { options.pollInterval = min(max(0, Double(interval) / 1000), 86_400) }
        return options
    }
}
