import Foundation
import PolicyWorkloads

/// The proof catalogue under `Tests/Fixtures/proofs`: workspaces with the verdicts `pgpe analyze`
/// must give, written in each case's `expected.txt` (format in the directory's README.md).
public enum ProofCatalogue {
    /// One case: a workspace and its expectations.
    public struct Case: CustomStringConvertible, Sendable {
        /// The directory name, such as `02-or-leak`.
        public var name: String
        /// The workspace directory.
        public var directory: URL
        /// The verdict expectations, in file order (the first match decides).
        public var expectations: [ProofExpectation]
        /// Tables expected to be reported ungoverned, sorted.
        public var ungoverned: [String]

        /// The workspace's `pgpe.yaml`.
        public var configPath: String { directory.appendingPathComponent("pgpe.yaml").path }

        /// The name, for test output.
        public var description: String { name }
    }

    /// The catalogue's directory.
    public static var directory: URL { Fixtures.fixtureDirectory.appendingPathComponent("proofs") }

    /// Every case, sorted by name.
    public static func cases() throws -> [Case] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).appendingPathComponent("expected.txt").path)
        }
        return try names.sorted().map(load)
    }

    /// The case in directory `name`.
    public static func load(_ name: String) throws -> Case {
        let caseDirectory = directory.appendingPathComponent(name)
        let text = try String(contentsOf: caseDirectory.appendingPathComponent("expected.txt"), encoding: .utf8)
        var expectations: [ProofExpectation] = []
        var ungoverned: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("DIAG ") {
                ungoverned.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
                continue
            }
            expectations.append(try ProofExpectation(parsing: line, line: index + 1, file: "\(name)/expected.txt"))
        }
        return Case(name: name, directory: caseDirectory, expectations: expectations, ungoverned: ungoverned.sorted())
    }
}

/// One line of a catalogue case's `expected.txt`:
/// `STATUS proof table command side role key [| reason contains this]`.
public struct ProofExpectation: CustomStringConvertible, Sendable {
    /// A malformed line.
    public struct FormatError: Error, CustomStringConvertible {
        /// What is wrong and where.
        public var description: String
    }

    /// PROVEN, FAILED, UNKNOWN or ANY.
    public var status: String
    /// The proof id (`*`: any).
    public var proof: String
    /// The table, `schema.name` (`*`: any).
    public var table: String
    /// The command (`-`: none, `*`: any).
    public var command: String
    /// `using` or `check` (`*`: any).
    public var side: String
    /// The role (`*`: any).
    public var role: String
    /// The isolation key (`-`: none, `*`: any).
    public var key: String
    /// Text the verdict's reason must contain, when given.
    public var reason: String?
    /// Where the line is, for failure messages.
    public var location: String

    /// Parses a line.
    public init(parsing text: String, line: Int, file: String) throws {
        location = "\(file):\(line)"
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let fields = parts[0].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 7, ["PROVEN", "FAILED", "UNKNOWN", "ANY"].contains(fields[0]) else {
            throw FormatError(description: "\(location): expected 'STATUS proof table command side role key [| reason]', got '\(text)'")
        }
        status = fields[0]
        proof = fields[1]
        table = fields[2]
        command = fields[3]
        side = fields[4]
        role = fields[5]
        key = fields[6]
        reason = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    }

    /// Whether a verdict with these fields is one this line is about (`command`/`key` nil when absent).
    public func matches(proof: String, table: String, command: String?, side: String, role: String, key: String?) -> Bool {
        func field(_ pattern: String, _ value: String?) -> Bool {
            pattern == "*" || (pattern == "-" && value == nil) || pattern == value
        }
        return field(self.proof, proof) && field(self.table, table) && field(self.command, command)
            && field(self.side, side) && field(self.role, role) && field(self.key, key)
    }

    /// Whether a matching verdict's status and reason are the expected ones.
    public func accepts(status: String, reason: String?) -> Bool {
        guard self.status == "ANY" || self.status == status else { return false }
        guard let expected = self.reason else { return true }
        return reason?.contains(expected) ?? false
    }

    /// The line as written, with its place.
    public var description: String {
        "\(status) \(proof) \(table) \(command) \(side) \(role) \(key)" + (reason.map { " | \($0)" } ?? "") + " (\(location))"
    }
}
