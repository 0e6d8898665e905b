import Foundation
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@testable import PolicyProofs

/// `PredicateIndex` computes effective predicates from the policies of each table only; it must
/// give exactly what `PolicySet.effective` gives.
@Suite struct PredicateIndexTests {
    static func sets() throws -> [(String, PolicySet)] {
        var result = try ProofCatalogue.cases().map { ($0.name, try ProofHarness.load($0).policySet) }
        let generated = WorkspaceGenerator(tables: 30, policies: 40, seed: 0x1DE).generate()
        let directory = try CLIRunner.temporaryDirectory("pgpe-index")
        try generated.write(to: directory)
        result.append(("generated", try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path).policySet))
        return result
    }

    @Test func indexAgreesWithThePolicySet() throws {
        var compared = 0
        for (name, set) in try Self.sets() {
            let index = PredicateIndex(set: set)
            for table in set.governedTables + set.ungovernedTables {
                #expect(index.roles(for: table) == set.roles(for: table), "\(name) \(table)")
                for command in PolicyCommand.allCases {
                    for role in set.roles + ["someone_else"] {
                        for side in [EffectivePredicate.Side.using, .check] {
                            let expected = set.effective(table, command, role: role, side: side)
                            #expect(
                                index.effective(table, command, role: role, side: side) == expected,
                                "\(name) \(table) \(command) \(role) \(side)")
                            compared += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 1_000)
    }

    /// The roles a table's verdicts cover include those named only on the tables its traversals
    /// reach, and a role that is a member of two named roles (it has both's policies).
    @Test func rolesReachedThroughTraversalsAndMembershipsAreAnalysed() throws {
        let (_, set) = try #require(try Self.sets().last)
        let index = PredicateIndex(set: set)
        let children = set.governedTables.filter { $0.name.hasPrefix("c_") }
        #expect(!children.isEmpty)
        for child in children {
            let roles = index.roles(for: child)
            let parentIndex = (Int(child.name.dropFirst(2)) ?? 0) - 1
            if parentIndex % 5 == 4 { #expect(roles.contains("app_support"), "\(child): \(roles)") }
            #expect(roles.last == PolicySet.publicRole)
        }
        #expect(set.governedTables.contains { index.roles(for: $0).contains("app_agent") })
        // The agent has the policies of both roles it is a member of.
        let agent = set.roleGraph.privileges(of: "app_agent")
        #expect(agent == ["app_agent", "app_support", "app_user"])
    }
}
