import Foundation
import PolicyWorkloads

/// Issue 15's benchmark: `pgpe diff` (whole process) of the generated 200-table workspace
/// against the git revision before five of its policies changed (`--base HEAD~1`, read with
/// git), and the same with nothing changed (`--base HEAD`).
enum DiffBench {
    /// Runs the suite.
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "diff")
        guard let binary = ProcessInfo.processInfo.environment["PGPE_BIN"], !binary.isEmpty else {
            report.notes.append("PGPE_BIN not set: nothing measured")
            return report
        }
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-diff-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        let generated = WorkspaceGenerator(tables: 200, policies: 50).generate()
        let (edited, changed) = generated.changingPolicies(5)
        guard changed == 5 else { throw BenchError("changed \(changed) policies, not 5") }
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let repository = GitRepository(directory)
        try repository.initialize(message: "generated")
        try edited.write(to: directory)
        try repository.commit("five policies changed")
        let summary = try output(binary, ["diff", "--base", "HEAD~1"], in: directory).split(separator: "\n").last ?? ""
        report.notes.append("pgpe diff --base HEAD~1: \(summary)")
        let changedRun = Clock.medianRun(binary, ["diff", "--base", "HEAD~1"], in: directory, repetitions: 11)
        report.add("pgpe diff --base HEAD~1, 200 tables, 5 policies changed (whole process)", changedRun, "ms", target: 1_000)
        let sameRun = Clock.medianRun(binary, ["diff", "--base", "HEAD"], in: directory, repetitions: 11)
        report.add("pgpe diff --base HEAD, 200 tables, nothing changed (whole process)", sameRun, "ms")
        return report
    }

    private static func output(_ binary: String, _ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
