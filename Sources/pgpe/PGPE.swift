import ArgumentParser
import Foundation

/// `pgpe`: governs PostgreSQL Row-Level Security.
///
/// Exit codes: 0 success; 1 a proof failed, a check found errors, or drift exists; 2 the tool
/// itself failed (bad flags, unreadable file, no connection).
@main
struct PGPE: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgpe",
        abstract: "Prove, compile, apply and monitor PostgreSQL row-level security policies.",
        version: PGPEVersion.string,
        subcommands: [
            CheckCommand.self, AnalyzeCommand.self, DiffCommand.self, CompileCommand.self, ExplainCommand.self, FormatCommand.self,
            ApplyCommand.self, MonitorCommand.self, IntrospectCommand.self, ImportCommand.self, LSPCommand.self,
        ]
    )

    /// Parses the command line and runs; maps every failure to exit code 2 (ArgumentParser's
    /// own usage errors included), keeping 0 and 1 for the commands to decide.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                PGPE.exit(withError: error)
            }
            let message = PGPE.fullMessage(for: error)
            if !message.isEmpty { Terminal.standardError(message) }
            Foundation.exit(2)
        }
    }
}

/// The version string.
enum PGPEVersion {
    static let string = "0.1.0"
}
