/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let other = candidate.lowercased()
            var distance = editDistance(Array(lowered.unicodeScalars), Array(other.unicodeScalars))
            // A prefix of a name ('tenant' for 'tenant_id') is a likely slip even when far in edits.
            if lowered.count >= 3, other.count >= 3, other.hasPrefix(lowered) || lowered.hasPrefix(other) {
                distance = min(distance, 1)
            }
            let limit = max(1, min(3, (max(word.count, candidate.count) + 2) / 4))
            if distance <= limit, best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
