import Foundation

/// Golden files: expected output kept next to a test case and compared byte for byte.
///
/// With `PGPE_UPDATE_GOLDEN=1` in the environment the file is rewritten instead (and the
/// comparison passes); review the change with `git diff` before committing it.
public enum GoldenFile {
    /// Whether goldens are being regenerated (`PGPE_UPDATE_GOLDEN=1`).
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["PGPE_UPDATE_GOLDEN"] == "1"
    }

    /// Compares `actual` with the file at `url`; `nil` when they are equal (or the file was
    /// just rewritten), else a message naming the first line that differs.
    public static func compare(_ actual: String, with url: URL) throws -> String? {
        if isUpdating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden file \(url.path) is missing; run with PGPE_UPDATE_GOLDEN=1 to create it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        return "\(url.path) differs (run with PGPE_UPDATE_GOLDEN=1 to accept): " + firstDifference(expected: expected, actual: actual)
    }

    /// The first line where `actual` departs from `expected`, both shown.
    public static func firstDifference(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
            if want != got {
                return "line \(index + 1):\n  expected: \(want)\n  actual:   \(got)"
            }
        }
        return "the texts differ in a way lines do not show (line endings?)"
    }
}
