import Foundation
import JSON

/// The measurements of one benchmark suite, each with its target.
struct BenchReport {
    /// One measurement.
    struct Measurement {
        var name: String
        var value: Double
        var unit: String
        /// The target: the value must be at most this (nil: informational).
        var target: Double?

        var met: Bool { target.map { value <= $0 } ?? true }
    }

    var suite: String
    var measurements: [Measurement] = []
    var notes: [String] = []

    mutating func add(_ name: String, _ value: Double, _ unit: String, target: Double? = nil) {
        measurements.append(Measurement(name: name, value: value, unit: unit, target: target))
    }

    var allTargetsMet: Bool { measurements.allSatisfy(\.met) }

    func print() {
        Swift.print("== \(suite)")
        for measurement in measurements {
            let target = measurement.target.map { " (target ≤ \(String(format: "%g", $0)) \(measurement.unit)) " + (measurement.met ? "ok" : "MISSED") } ?? ""
            let padded = measurement.name.count >= 62 ? measurement.name : measurement.name + String(repeating: " ", count: 62 - measurement.name.count)
            Swift.print("  " + padded + String(format: " %12.3f ", measurement.value) + measurement.unit + target)
        }
        for note in notes { Swift.print("  note: \(note)") }
    }

    func write() throws {
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-results")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let document: JSONValue = [
            "suite": .string(suite),
            "measurements": .array(measurements.map { measurement in
                [
                    "name": .string(measurement.name),
                    "value": .double(measurement.value),
                    "unit": .string(measurement.unit),
                    "target": measurement.target.map { .double($0) } ?? .null,
                    "met": .bool(measurement.met),
                ]
            }),
        ]
        let json = document.serializedString(.pretty)
        try json.write(to: directory.appendingPathComponent("\(suite).json"), atomically: true, encoding: .utf8)
    }
}

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
