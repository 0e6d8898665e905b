import PolicyConfig
import Testing

@Suite struct ProofCatalogTests {
    @Test func proofCatalogMatchesTheSpecTable() {
        #expect(ProofCatalog.knownIDs.count == 10)
        #expect(Set(ProofCatalog.knownIDs).count == 10)
        #expect(ProofCatalog.isEnabledByDefault("tenant-isolation"))
        #expect(!ProofCatalog.isEnabledByDefault("role-separation"))
        #expect(!ProofCatalog.isEnabledByDefault("policy-equivalence"))
        #expect(!ProofCatalog.isEnabledByDefault("no-such-proof"))
        #expect(ProofCatalog.offByDefault.isSubset(of: Set(ProofCatalog.knownIDs)))
    }
}
