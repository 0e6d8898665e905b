/// "Did you mean" suggestions for misspelled names (keys, types, tables, columns, functions).
///
/// A suggestion is offered only when it is close: a small edit distance relative to the
/// name's length (transpositions count as one edit, case is ignored), or, for names of at
/// least three characters, when one name contains the other and is at least half its length
/// (`timeout` → `timeout_ms`).
public enum Suggestions {
    /// The candidate closest to `name`, or `nil` when none is close enough to be a useful
    /// suggestion. Ties go to the earlier candidate.
    public static func closest<Candidates: Sequence>(to name: String, among candidates: Candidates) -> String?
    where Candidates.Element == String {
        let lowered = name.lowercased()
        let wanted = Array(lowered.unicodeScalars)
        guard !wanted.isEmpty else { return nil }
        let limit = maximumDistance(forLength: wanted.count)
        var best: (candidate: String, score: Int)?
        for candidate in candidates {
            let loweredCandidate = candidate.lowercased()
            let other = Array(loweredCandidate.unicodeScalars)
            guard !other.isEmpty else { continue }
            let shorter = min(wanted.count, other.count)
            let contains =
                shorter >= 3 && shorter * 2 >= max(wanted.count, other.count)
                && (loweredCandidate.contains(lowered) || lowered.contains(loweredCandidate))
            let bound = contains ? max(wanted.count, other.count) : limit
            guard abs(wanted.count - other.count) <= bound else { continue }
            let distance = editDistance(wanted, other, giveUpAbove: bound)
            guard distance <= bound else { continue }
            if best == nil || distance < best?.score ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The number of single-character insertions, deletions, substitutions and adjacent
    /// transpositions that turn `a` into `b` (case-sensitive).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        return editDistance(left, right, giveUpAbove: max(left.count, right.count))
    }

    /// The largest distance accepted for a name of `length` characters.
    static func maximumDistance(forLength length: Int) -> Int {
        max(1, (length + 1) / 3)
    }

    /// Optimal string alignment distance; returns a value above `bound` as soon as every
    /// alignment is known to exceed it.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], giveUpAbove bound: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return bound + 1 }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
