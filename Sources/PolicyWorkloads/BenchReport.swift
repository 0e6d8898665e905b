import Foundation
import JSON

/// The measurements of one benchmark suite, each with its target: printed, and written as
/// `bench-results/<suite>.json`. `pgpe-bench` makes them, and so do the correctness campaigns
/// that run as Swift tests when `make bench` scales them up.
public struct BenchReport: Sendable {
    /// One measurement.
    public struct Measurement: Sendable {
        /// What was measured.
        public var name: String
        /// The value.
        public var value: Double
        /// Its unit ("ms", "cases", or empty).
        public var unit: String
        /// The target: the value must be at most this (nil: informational).
        public var target: Double?

        /// Whether the target (if any) is met.
        public var met: Bool { target.map { value <= $0 } ?? true }
    }

    /// The suite's name (the file name of its results).
    public var suite: String
    /// The measurements in order.
    public var measurements: [Measurement] = []
    /// Lines printed after the measurements.
    public var notes: [String] = []

    /// Creates an empty report for `suite`.
    public init(suite: String) {
        self.suite = suite
    }

    /// Adds a measurement.
    public mutating func add(_ name: String, _ value: Double, _ unit: String, target: Double? = nil) {
        measurements.append(Measurement(name: name, value: value, unit: unit, target: target))
    }

    /// Whether every measurement meets its target.
    public var allTargetsMet: Bool { measurements.allSatisfy(\.met) }

    /// Prints the report to standard output.
    public func print() {
        Swift.print("== \(suite)")
        for measurement in measurements {
            let target =
                measurement.target.map {
                    " (target ≤ \(String(format: "%g", $0)) \(measurement.unit)) " + (measurement.met ? "ok" : "MISSED")
                } ?? ""
            let padded =
                measurement.name.count >= 62
                ? measurement.name : measurement.name + String(repeating: " ", count: 62 - measurement.name.count)
            Swift.print("  " + padded + String(format: " %12.3f ", measurement.value) + measurement.unit + target)
        }
        for note in notes { Swift.print("  note: \(note)") }
    }

    /// Writes `<suite>.json` into `directory` (default: `bench-results/` under the current directory).
    public func write(to directory: URL? = nil) throws {
        let directory =
            directory
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("bench-results")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let document: JSONValue = [
            "suite": .string(suite),
            "measurements": .array(
                measurements.map { measurement in
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
