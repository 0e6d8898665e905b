import PolicySyntax
import Testing

@Suite struct KeywordTests {
    /// `lookup` ignores case the way upper-casing does, for ASCII and other text alike.
    @Test func lookupIgnoresCaseLikeUpperCasing() {
        var state: UInt64 = 0x4B45_5957
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for keyword in Keyword.allCases {
            for _ in 0..<8 {
                let mixed = String(keyword.rawValue.map { next() % 2 == 0 ? Character($0.lowercased()) : $0 })
                #expect(Keyword.lookup(mixed) == keyword, "\(mixed)")
            }
            #expect(Keyword.lookup(keyword.rawValue + "S") == nil)
            #expect(Keyword.lookup(String(keyword.rawValue.dropLast())) == Keyword(rawValue: String(keyword.rawValue.dropLast())))
        }
        let words = ["col_", "x", "", "tenant_id", "SELECT1", "_LIT", "ſelect", "gRANT", "ÍN", "n\u{301}amed", "withcheck", "OR", "or"]
        for word in words {
            #expect(Keyword.lookup(word) == Keyword(rawValue: word.uppercased()), "\(word)")
        }
    }
}
