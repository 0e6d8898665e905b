import Foundation
import TestSupport
import Testing

/// Files named on the command line are the policy files to read, whatever else they are.
@Suite struct NamedFileTests {
    /// A file named on the command line is checked as a policy file even when it is the
    /// project's pgpe.yaml or its schema file, as before the engine took the files: `pgpe check
    /// schema.sql` reported its syntax errors and exited 1. Issue 12 made it check no file at
    /// all and exit 0 ("checked 0 files"), so a mistyped CI step passed silently.
    @Test(arguments: ["schema.sql", "pgpe.yaml"])
    func aNamedFileIsCheckedEvenWhenItIsTheConfigOrTheSchema(name: String) throws {
        let example = try CLIRunner.copyExample()
        let check = try CLIRunner.run(["check", name], in: example)
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stderr.contains("checked 1 file,"), "\(check.stderr)")
        #expect(check.stdout.contains("\(name):"), "\(check.stdout)")
    }
}
