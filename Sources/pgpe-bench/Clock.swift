import Foundation

/// Wall-clock timing helpers.
enum Clock {
    /// Milliseconds since an arbitrary start.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000 }

    /// Runs `body` `repetitions` times and returns the median time in milliseconds.
    static func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = now()
            try body()
            times.append(now() - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// The median wall time in milliseconds of running `binary` with `arguments` in `directory`
    /// as a whole process (output discarded), over `repetitions` runs.
    static func medianRun(_ binary: String, _ arguments: [String], in directory: URL, repetitions: Int) -> Double {
        median(repetitions) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
        }
    }

    /// The p-th percentile (0...100) of `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }
}
