import Foundation
import PolicyWorkloads
import TestSupport
import Testing

@testable import LanguageServer

@Suite struct ConfigArrivalTests {
    @Test func aPgpeYamlCreatedInAFolderWithoutOneTakesEffect() throws {
        let harness = try ServerHarness(example: false)
        let root = harness.directory
        try FileManager.default.createDirectory(at: root.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let policy = root.appendingPathComponent("policies/p.policy")
        try "POLICY p PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(nope) = lit(1)\n".write(
            to: policy, atomically: true, encoding: .utf8)
        harness.initialize()
        // Without pgpe.yaml there is no schema: no unknown-column error yet.
        #expect(harness.diagnostics(policy.absoluteString) { $0.contains { $0["code"] == "semantic.no-schema" } } != nil)
        try Fixtures.exampleText("schema.sql").write(to: root.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try "policies: [policies]\nschema: schema.sql\n".write(
            to: root.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        harness.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": .string(root.appendingPathComponent("pgpe.yaml").absoluteString), "type": 1]]])
        #expect(harness.diagnostics(policy.absoluteString) { $0.contains { $0["code"] == "semantic.unknown-column" } } != nil)
    }
}
