// The libFuzzer entry point of `scripts/fuzz.sh`: compiled with the FuzzTarget files of
// Tests/TestSupport and the modules they exercise (not a SwiftPM target: libFuzzer brings main).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The target this process fuzzes, named by `PGPE_FUZZ_TARGET`.
private let target: FuzzTarget = {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = getenv("PGPE_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        fputs("pgpe-fuzz: set PGPE_FUZZ_TARGET to one of: \(names)\n", stderr)
        exit(2)
    }
    return target
}()

/// Checks one input; a broken property is reported and aborts, so libFuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func pgpeFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let violation = target.violation(input) {
        // Control characters other than line breaks are written as \u{..} (a zero byte would end the C string).
        let printable = violation.unicodeScalars.map { scalar in
            scalar.value < 0x20 && scalar != "\n" ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        fputs("pgpe-fuzz \(target.rawValue): \(printable)\n", stderr)
        abort()
    }
    return 0
}
