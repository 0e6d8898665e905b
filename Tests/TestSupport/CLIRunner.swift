import Foundation
import PolicyWorkloads
import Synchronization

/// Runs the built `pgpe` binary (`PGPE_BIN`, set by `make test`) and captures its output.
public enum CLIRunner {
    /// The output of one run.
    public struct Result {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The binary: `PGPE_BIN`, else the debug build next to the tests.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["PGPE_BIN"], !path.isEmpty { return path }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/pgpe").path
    }

    /// Runs `pgpe arguments…` in `directory` with extra environment variables.
    public static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let collected = OutputBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.set(out.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = collected.get()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory.
    public static func temporaryDirectory(_ prefix: String = "pgpe-cli") throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies a bundled example (`examples/NAME`, the running example by default) into a fresh
    /// directory.
    public static func copyExample(_ name: String = "saas") throws -> URL {
        let directory = try temporaryDirectory("pgpe-example")
        let target = directory.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.exampleDirectory(name), to: target)
        return target
    }
}

/// Data written by one thread and read by another after a `DispatchGroup` wait.
private final class OutputBox: Sendable {
    private let data = Mutex(Data())

    func set(_ value: Data) {
        data.withLock { $0 = value }
    }

    func get() -> Data {
        data.withLock { $0 }
    }
}
