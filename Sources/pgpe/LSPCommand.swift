import ArgumentParser
import Foundation
import JSONRPC
import LanguageServer

/// `pgpe lsp`: the language server over standard input and output. Standard output carries
/// JSON-RPC only; logs go to standard error. Exits 0 after `shutdown` and `exit`, 1 when `exit`
/// (or the end of input) comes without `shutdown`.
struct LSPCommand: ParsableCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server over stdio (JSON-RPC, Content-Length framing).")

    /// `--proof-delay`.
    @Option(name: .long, help: "Milliseconds after the last edit before background proofs start.")
    var proofDelay: Int?

    /// `--no-proofs`.
    @Flag(name: .long, help: "Do not run proofs in the background.")
    var noProofs = false

    /// `--jobs`.
    @Option(name: .long, help: "Solver threads per background proof run.")
    var jobs: Int?

    /// `--stdio`.
    @Flag(name: .long, inversion: .prefixedNo, help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = true

    /// Serves until `exit`, then exits with the code the specification asks for.
    func run() throws {
        // A client that goes away must make writes fail, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        var options = LanguageServerOptions()
        if let proofDelay { options.proofDelay = max(0, Double(proofDelay) / 1000) }
        if noProofs { options.backgroundProofs = false }
        if let jobs { options.proofJobs = max(1, jobs) }
        let server = LanguageServer(connection: Connection(input: STDIN_FILENO, output: STDOUT_FILENO), options: options)
        server.start()
        let code = server.waitForExit()
        throw ExitCode(code)
    }
}
