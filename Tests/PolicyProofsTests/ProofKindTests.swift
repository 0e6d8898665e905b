import PolicyProofs
import PolicySyntax
import Testing

/// Every proof's FAILED, UNKNOWN and SARIF diagnostics are kinds of the catalogue's `proof.*`
/// area, and the area holds nothing else but the ungoverned-table report and the accepted
/// finding (`proof.accepted`, information).
@Suite struct ProofKindTests {
    @Test func everyProofHasItsThreeKinds() {
        var expected: [DiagnosticKind] = []
        for proof in ProofID.allCases {
            #expect(proof.failedKind.id == "proof.\(proof.rawValue)-failed")
            #expect(proof.unknownKind.id == "proof.\(proof.rawValue)-unknown")
            #expect(proof.sarifKind.id == "proof.\(proof.rawValue)")
            #expect(proof.unknownKind.severity == .info)
            #expect((proof.failedKind.severity == .hint) == proof.isHint, "\(proof)")
            #expect(proof.sarifKind.severity == (proof.isHint ? .hint : .error), "\(proof)")
            expected += [proof.failedKind, proof.unknownKind, proof.sarifKind]
        }
        expected += [.proofCoverageUngoverned, .proofAccepted]
        #expect(DiagnosticKind.proofAccepted.severity == .info)
        let area = DiagnosticCatalog.areas.first { $0.prefix == "proof" }
        #expect(area?.kinds == expected)
    }
}
