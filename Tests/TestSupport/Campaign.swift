import Foundation
import PolicyWorkloads

/// How large a correctness campaign (the row-level and verdict-level differential tests) runs:
/// small in `make test`, scaled up by environment variables that `make bench` (scripts/bench.sh)
/// sets, which also asks for the campaign's results as a bench report.
public enum Campaign {
    /// The integer in `variable` (e.g. `PGPE_DIFFERENTIAL_CASES=5000`), or `fallback`.
    public static func count(_ variable: String, default fallback: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment[variable], let value = Int(text), value > 0 else {
            return fallback
        }
        return value
    }

    /// The seed in `variable`, decimal or `0x` hexadecimal (e.g. `PGPE_DIFFERENTIAL_SEED=0xBE2026`), or `fallback`.
    public static func seed(_ variable: String, default fallback: UInt64) -> UInt64 {
        guard let text = ProcessInfo.processInfo.environment[variable] else { return fallback }
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            return UInt64(text.dropFirst(2), radix: 16) ?? fallback
        }
        return UInt64(text) ?? fallback
    }

    /// Where bench reports go (`PGPE_BENCH_RESULTS`, set by `make bench`), or nil in `make test`.
    public static var resultsDirectory: URL? {
        guard let path = ProcessInfo.processInfo.environment["PGPE_BENCH_RESULTS"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    /// Prints `report` and writes it under `resultsDirectory` when `make bench` asked for it.
    public static func publish(_ report: BenchReport) throws {
        guard let directory = resultsDirectory else { return }
        report.print()
        try report.write(to: directory)
    }
}
