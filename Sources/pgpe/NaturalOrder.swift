/// The order migration tools list their files in: by name, with runs of digits compared as
/// numbers (`2_b.sql` before `10_a.sql`), then byte order to break ties.
enum NaturalOrder {
    /// Whether `left` comes before `right`.
    static func precedes(_ left: String, _ right: String) -> Bool {
        let (a, b) = (chunks(left), chunks(right))
        for (x, y) in zip(a, b) where x != y {
            switch (UInt64(x), UInt64(y)) {
            case (let m?, let n?) where m != n: return m < n
            default: return x < y
            }
        }
        return a.count != b.count ? a.count < b.count : left < right
    }

    /// The name split into runs of digits and runs of other characters.
    private static func chunks(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inDigits = false
        for character in text {
            let digit = character.isASCII && character.isNumber
            if !current.isEmpty && digit != inDigits {
                result.append(current)
                current = ""
            }
            inDigits = digit
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
