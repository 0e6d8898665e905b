import Foundation

/// Runs one test of this test binary again in a child process with an environment of the
/// test's choosing, for what cannot be set in-process while tests run in parallel (the
/// `PG*` variables libpq reads, `PGPASSWORD`, `PGPASSFILE`).
///
/// In the child, `PGPE_CHILD_PROBE` names the test; that test does its probing and prints
/// `PGPE_PROBE key=value` lines, which the parent reads back with `reports(in:)`.
enum ChildProbe {
    /// The environment variable naming the probe a child runs.
    static let variable = "PGPE_CHILD_PROBE"

    /// The probe this process runs, `nil` in the normal test run.
    static var current: String? { ProcessInfo.processInfo.environment[variable] }

    /// Prints one result line for the parent (newlines escaped).
    static func report(_ key: String, _ value: String) {
        print("PGPE_PROBE \(key)=\(value.replacingOccurrences(of: "\n", with: "\\n"))")
        fflush(nil) // every stream: the C `stdout` global is not concurrency-safe to name
    }

    /// Runs the test `name` (a function of `PostgresEnvironmentTests`) in a child whose
    /// environment is only `PATH` plus `environment`; returns its exit status and everything
    /// it wrote to stdout and stderr.
    static func run(_ name: String, environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "PostgresEnvironmentTests/\(name)"]
        var childEnvironment = environment
        childEnvironment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        childEnvironment[variable] = name
        process.environment = childEnvironment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The `PGPE_PROBE key=value` lines of a child's output.
    static func reports(in output: String) -> [String: String] {
        var reports: [String: String] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("PGPE_PROBE ") {
            let pair = line.dropFirst("PGPE_PROBE ".count)
            guard let equals = pair.firstIndex(of: "=") else { continue }
            reports[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return reports
    }
}
