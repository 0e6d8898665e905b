import Foundation

/// A git repository for benchmarks and tests of `pgpe diff` and the access lens: git run in
/// a directory with a fixed author, its failures thrown.
public struct GitRepository {
    /// A git command that failed.
    public struct Failure: Error, CustomStringConvertible {
        /// The command and its standard error.
        public var description: String
    }

    /// The working tree.
    public let directory: URL

    /// The repository in `directory` (not created: see `initialize`).
    public init(_ directory: URL) {
        self.directory = directory
    }

    /// Runs `git arguments…` in the working tree; its standard output.
    @discardableResult
    public func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=pgpe@example.invalid", "-c", "user.name=pgpe"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")): " + String(decoding: message, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `git init` and a first commit of everything in the working tree.
    public func initialize(message: String = "base") throws {
        try run(["init", "-q"])
        try commit(message)
    }

    /// Commits everything in the working tree (added, changed and deleted files).
    public func commit(_ message: String) throws {
        try run(["add", "-A"])
        try run(["commit", "-q", "--allow-empty", "-m", message])
    }
}
