import Foundation
import PolicyWorkloads
import TestSupport
import Testing

/// The committed fuzz corpus, `fuzz/corpus/<target>/`, through the fuzz targets' checks without
/// libFuzzer: the seeds and every input that once found a bug keep every property.
@Suite struct FuzzCorpusTests {
    @Test(arguments: FuzzTarget.allCases)
    func theCommittedCorpusKeepsEveryProperty(_ target: FuzzTarget) throws {
        let directory = Fixtures.repositoryRoot.appendingPathComponent("fuzz/corpus/\(target.rawValue)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.count >= 4)
        for name in names {
            let input = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
            #expect(target.violation(input) == nil, "fuzz/corpus/\(target.rawValue)/\(name)")
        }
    }
}
