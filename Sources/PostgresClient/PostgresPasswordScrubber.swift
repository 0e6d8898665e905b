/// Replaces every known form of a password in a text with `***`.
struct PostgresPasswordScrubber: Sendable {
    /// The secrets to remove, longest first so that a longer form is removed whole.
    private(set) var secrets: [String] = []

    /// Adds one form of a password (ignored when empty or already known).
    mutating func add(_ secret: String?) {
        guard let secret, !secret.isEmpty, !secrets.contains(secret) else { return }
        secrets.append(secret)
        secrets.sort { $0.utf8.count > $1.utf8.count }
    }

    /// Adds every form in `secrets`.
    mutating func add(contentsOf secrets: [String]) {
        for secret in secrets { add(secret) }
    }

    /// `text` with every occurrence of every secret replaced by `***`.
    func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: "***")
        }
        return text
    }

    /// `scrub` for optional text.
    func scrub(_ text: String?) -> String? {
        text.map { scrub($0) }
    }
}
