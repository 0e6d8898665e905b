import Foundation
import PolicyEngine
import PolicyProofs
import PolicyWorkloads
import TestSupport
import Testing

/// The theorem-style shortcut (every permissive clause pins the key; every way to write is a way
/// to read) agrees with the solver: the same analysis with the shortcut off gives the same
/// verdicts.
@Suite struct ShortcutTests {
    /// Verdicts as comparable text, counted (several verdicts can share their fields).
    static func outcomes(_ report: AnalysisReport) -> [String: Int] {
        var counts: [String: Int] = [:]
        for verdict in report.verdicts {
            let text =
                "\(verdict.status.rawValue) \(verdict.proof.rawValue) \(verdict.table) \(verdict.command?.rawValue ?? "-") \(verdict.side.rawValue) \(verdict.role) \(verdict.key ?? "-")"
            counts[text, default: 0] += 1
        }
        return counts
    }

    static func compare(_ snapshot: WorkspaceSnapshot, name: String) -> (shortcuts: Int, differences: [String]) {
        let with = ProofHarness.analyze(snapshot, shortcuts: true)
        let without = ProofHarness.analyze(snapshot, shortcuts: false)
        #expect(without.shortcuts == 0, "\(name): the shortcut answered with shortcuts off")
        let a = outcomes(with)
        let b = outcomes(without)
        var differences: [String] = []
        for key in Set(a.keys).union(b.keys).sorted() where a[key] != b[key] {
            differences.append("\(name): \(key): \(a[key] ?? 0) with the shortcut, \(b[key] ?? 0) without")
        }
        return (with.shortcuts, differences)
    }

    @Test(arguments: CatalogueTests.cases) func shortcutAgreesWithTheSolverOnTheCatalogue(_ entry: ProofCatalogue.Case) throws {
        let (_, differences) = Self.compare(try ProofHarness.load(entry), name: entry.name)
        #expect(differences.isEmpty, Comment(rawValue: differences.joined(separator: "\n")))
    }

    /// On a generated workspace (tenant pins, traversals, soft delete, roles, membership
    /// functions), where the shortcut answers hundreds of questions.
    @Test func shortcutAgreesWithTheSolverOnAGeneratedWorkspace() throws {
        let generated = WorkspaceGenerator(tables: 40, policies: 30, seed: 0x5407).generate()
        let directory = try CLIRunner.temporaryDirectory("pgpe-shortcut")
        try generated.write(to: directory)
        let snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        #expect(!snapshot.hasErrors)
        let (shortcuts, differences) = Self.compare(snapshot, name: "generated")
        #expect(shortcuts > 100, "the shortcut answered only \(shortcuts) questions")
        #expect(differences.isEmpty, Comment(rawValue: differences.joined(separator: "\n")))
    }
}
