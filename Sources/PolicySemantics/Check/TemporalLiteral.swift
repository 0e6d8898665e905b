/// Dates and timestamps in the one spelling pgpe writes them (ISO 8601), as numbers for the
/// solver (days or microseconds since 1970-01-01, proleptic Gregorian as PostgreSQL counts),
/// and back.
///
/// PostgreSQL reads one date in many spellings (`2024-09-15`, `2024-9-15`, `Sep 15 2024`, and
/// `9/15/2024` as DateStyle says); the normal form and the proofs compare literals by their
/// text, so each literal is checked and written canonically: `YYYY-MM-DD`, and
/// `YYYY-MM-DD HH:MM:SS[.ffffff]` (with `+00` for timestamptz, whose literals are converted
/// to UTC; one without an offset is read as UTC, not in the TimeZone of whoever applies it).
public enum TemporalLiteral {
    /// Why a text is not a literal of the kind.
    public struct Invalid: Error, Equatable {
        /// What to write instead.
        public let message: String
    }

    /// Microseconds per day.
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    /// The number `infinity` stands for in days (and, times `microsecondsPerDay`, in
    /// microseconds): beyond every finite date and timestamp PostgreSQL has (about 2.1e9 days,
    /// 9.2e15 microseconds), and a date's infinity is its timestamp's, as a cast makes it.
    public static let infinityDays = "1000000000000"
    public static let infinityMicroseconds = "86400000000000000000000"

    /// `infinity` and `-infinity` (canonical spellings of PostgreSQL's special values), `nil`
    /// for any other text; `epoch` is read as 1970-01-01 by `date` and `timestamp`.
    public static func infinitySign(_ text: String) -> Int? {
        switch text.strippingWhitespace.lowercased() {
        case "infinity", "+infinity": return 1
        case "-infinity": return -1
        default: return nil
        }
    }

    // MARK: - Parsing

    /// The canonical text and day number of a date literal.
    public static func date(_ text: String) throws -> (canonical: String, days: Int64) {
        if text.strippingWhitespace.lowercased() == "epoch" { return ("1970-01-01", 0) }
        var scanner = Scanner(text.strippingWhitespace)
        guard let (year, month, day) = scanner.date(), scanner.atEnd else {
            throw Invalid(message: "write dates as YYYY-MM-DD (PostgreSQL reads other forms by its DateStyle setting)")
        }
        let days = try dayNumber(year: year, month: month, day: day)
        return (dateText(days), days)
    }

    /// The canonical text and microsecond number of a timestamp literal; `withTimeZone` for
    /// timestamptz (an offset is applied; none means UTC), else an offset is refused
    /// (PostgreSQL would silently ignore it).
    public static func timestamp(_ text: String, withTimeZone: Bool) throws -> (canonical: String, microseconds: Int64) {
        if text.strippingWhitespace.lowercased() == "epoch" { return (withTimeZone ? "1970-01-01 00:00:00+00" : "1970-01-01 00:00:00", 0) }
        let usage = "write timestamps as YYYY-MM-DD HH:MM[:SS[.ffffff]]" + (withTimeZone ? " with an optional offset (Z, +HH, +HH:MM)" : "")
        var scanner = Scanner(text.strippingWhitespace)
        guard let (year, month, day) = scanner.date() else { throw Invalid(message: usage) }
        var micros: Int64 = 0
        if scanner.accept(" ") || scanner.accept("T") || scanner.accept("t") {
            guard let time = scanner.time() else { throw Invalid(message: usage) }
            micros = time
        }
        var offsetSeconds: Int64 = 0
        if let offset = scanner.offset() {
            guard withTimeZone else {
                throw Invalid(message: "a timestamp without time zone ignores an offset; drop it, or make the column timestamptz")
            }
            offsetSeconds = offset
        }
        guard scanner.atEnd else { throw Invalid(message: usage) }
        let days = try dayNumber(year: year, month: month, day: day)
        let value = days * microsecondsPerDay + micros - offsetSeconds * 1_000_000
        guard let canonical = timestampText(value, withTimeZone: withTimeZone) else {
            throw Invalid(message: "the timestamp is outside the years 1 to 9999")
        }
        return (canonical, value)
    }

    // MARK: - Writing

    /// `YYYY-MM-DD` for a day number (years after 9999 as PostgreSQL writes them; years before
    /// 1 with ` BC`).
    public static func dateText(_ days: Int64) -> String {
        let (year, month, day) = civil(days)
        let era = year <= 0 ? " BC" : ""
        let shownYear = year <= 0 ? 1 - year : year
        return pad(shownYear, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + era
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` (and `+00` with time zone) for a microsecond number;
    /// `nil` outside the years 1 to 9999 (literals are kept there, so their text orders as
    /// their value).
    public static func timestampText(_ microseconds: Int64, withTimeZone: Bool) -> String? {
        let days = floorDivide(microseconds, microsecondsPerDay)
        let (year, _, _) = civil(days)
        guard year >= 1 && year <= 9999 else { return nil }
        return timestampTextAnyYear(microseconds, withTimeZone: withTimeZone)
    }

    /// Like `timestampText`, for any year (BC and after 9999 as PostgreSQL accepts them).
    public static func timestampTextAnyYear(_ microseconds: Int64, withTimeZone: Bool) -> String {
        let days = floorDivide(microseconds, microsecondsPerDay)
        let rest = microseconds - days * microsecondsPerDay
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        var time = pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if fraction != 0 {
            var digits = pad(fraction, 6)
            while digits.hasSuffix("0") { digits.removeLast() }
            time += "." + digits
        }
        let date = dateText(days)
        let zone = withTimeZone ? "+00" : ""
        if date.hasSuffix(" BC") { return String(date.dropLast(3)) + " " + time + zone + " BC" }
        return date + " " + time + zone
    }

    // MARK: - Calendar

    /// Days since 1970-01-01 of a valid date (proleptic Gregorian; year 0 is 1 BC).
    static func dayNumber(year: Int64, month: Int64, day: Int64) throws -> Int64 {
        guard year >= 1, year <= 9999 else { throw Invalid(message: "write a year from 0001 to 9999") }
        guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year) else {
            throw Invalid(message: "no such date")
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// (year, month, day) of a day number (civil_from_days).
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    // MARK: - Scanning

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { index == bytes.count }

        mutating func accept(_ character: Character) -> Bool {
            guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
            index += 1
            return true
        }

        /// 1 to `maximum` digits.
        mutating func number(minimum: Int, maximum: Int) -> Int64? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, count < maximum, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int64(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }

        /// `YYYY-M[M]-D[D]`.
        mutating func date() -> (Int64, Int64, Int64)? {
            guard let year = number(minimum: 4, maximum: 4), accept("-"), let month = number(minimum: 1, maximum: 2),
                accept("-"), let day = number(minimum: 1, maximum: 2)
            else { return nil }
            return (year, month, day)
        }

        /// `H[H]:MM[:SS[.f{1,6}]]` as microseconds after midnight (24:00:00 allowed).
        mutating func time() -> Int64? {
            guard let hour = number(minimum: 1, maximum: 2), accept(":"), let minute = number(minimum: 2, maximum: 2) else { return nil }
            var second: Int64 = 0
            var fraction: Int64 = 0
            if accept(":") {
                guard let value = number(minimum: 2, maximum: 2) else { return nil }
                second = value
                if accept(".") {
                    let start = index
                    guard let digits = number(minimum: 1, maximum: 6) else { return nil }
                    var scaled = digits
                    for _ in 0..<(6 - (index - start)) { scaled *= 10 }
                    fraction = scaled
                    if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return nil }
                }
            }
            guard minute < 60, second < 60 else { return nil }
            let micros = ((hour * 60 + minute) * 60 + second) * 1_000_000 + fraction
            guard hour < 24 || micros == 24 * 3_600_000_000 else { return nil }
            return micros
        }

        /// `Z`, `±HH`, `±HH:MM` or `±HHMM` as seconds east of UTC.
        mutating func offset() -> Int64? {
            if accept("Z") || accept("z") { return 0 }
            let sign: Int64
            if accept("+") { sign = 1 } else if accept("-") { sign = -1 } else { return nil }
            guard let hours = number(minimum: 2, maximum: 2), hours <= 15 else { return nil }
            var minutes: Int64 = 0
            if accept(":") {
                guard let value = number(minimum: 2, maximum: 2) else { return nil }
                minutes = value
            } else if let value = number(minimum: 2, maximum: 2) {
                minutes = value
            }
            guard minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
