import Foundation
import JSON
import PolicyEngine

/// The file of `pgpe analyze --baseline` and `--write-baseline` (docs/baseline.md): the
/// identities of the findings it records, as pretty JSON with deterministic bytes (sorted,
/// without duplicates, no timestamps).
enum BaselineFile {
    /// The format's version.
    static let version = 1

    /// The document recording `findings`.
    static func json(_ findings: [FindingIdentity]) -> JSONValue {
        let entries: [JSONValue] = Set(findings).sorted().map { identity in
            [
                "proof": .string(identity.proof), "table": .string(identity.table),
                "command": identity.command.map { .string($0) } ?? .null, "role": .string(identity.role),
                "side": .string(identity.side), "key": identity.key.map { .string($0) } ?? .null,
                "status": .string(identity.status), "clauses": .string(identity.clauses),
            ]
        }
        return ["version": .integer(version), "findings": .array(entries)]
    }

    /// The findings a document records; throws `ToolFailure` naming `path` when it is not one.
    static func findings(_ value: JSONValue, path: String) throws -> Set<FindingIdentity> {
        guard value["version"]?.int == version, let entries = value["findings"]?.array else {
            throw ToolFailure("--baseline: \(path) is not a pgpe baseline (version \(version)); write one with --write-baseline")
        }
        var result = Set<FindingIdentity>()
        for (index, entry) in entries.enumerated() {
            func text(_ key: String) -> String? { entry[key]?.string }
            guard let proof = text("proof"), let table = text("table"), let role = text("role"), let side = text("side"),
                let status = text("status"), let clauses = text("clauses")
            else {
                throw ToolFailure("--baseline: \(path): finding \(index + 1) lacks proof, table, role, side, status or clauses")
            }
            result.insert(
                FindingIdentity(
                    proof: proof, table: table, command: text("command"), role: role, side: side, key: text("key"), status: status,
                    clauses: clauses))
        }
        return result
    }

    /// Reads the findings of the baseline at `path`.
    static func read(_ path: String) throws -> Set<FindingIdentity> {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolFailure("--baseline: cannot read \(path)")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: [UInt8](data))
        } catch {
            throw ToolFailure("--baseline: \(path) is not valid JSON: \(error)")
        }
        return try findings(value, path: path)
    }

    /// Writes a baseline recording `findings` to `path`.
    static func write(_ findings: [FindingIdentity], to path: String) throws {
        let bytes = json(findings).serialized(.pretty) + [UInt8(ascii: "\n")]
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ToolFailure("--write-baseline: cannot write \(path): \(error.localizedDescription)")
        }
    }
}
