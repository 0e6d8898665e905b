import Foundation
import JSON

/// Times whole commands with `hyperfine` (installed by `make bench`), which measures process
/// start-up without a shell in between.
enum Hyperfine {
    /// The median wall time of `command` run in `directory`, in milliseconds; nil without hyperfine.
    static func median(command: String, directory: String, runs: Int = 40) throws -> Double? {
        let output = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-hyperfine-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["hyperfine", "-N", "--warmup", "5", "--runs", String(runs), "--export-json", output.path, command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path),
            let median = try JSONValue(parsing: data)["results"]?[0]?["median"]?.double
        else {
            return nil
        }
        return median * 1_000
    }
}
