import SQLExpression

/// Whether a lifted expression compiles back to the original (SPEC 11.6).
public struct LiftCertificate: Hashable, Sendable {
    /// The verdict.
    public enum Verdict: String, Hashable, Sendable {
        /// The lifted policy compiles to the original, up to `CanonicalSQL`'s rewrites.
        case equivalent = "EQUIVALENT"
        /// As `equivalent`, with parts kept as raw SQL.
        case raw = "RAW"
        /// The compiled text differs from the original: a bug of lifting, never written silently.
        case different = "DIFFERENT"
    }

    /// The verdict.
    public var verdict: Verdict
    /// PostgreSQL's original text.
    public var original: String
    /// The text the lifted policy compiled to (or PostgreSQL's reading of it).
    public var roundTrip: String
    /// For `different`: the two canonical forms, or why there is no round trip.
    public var detail: String?

    /// Creates a certificate.
    public init(verdict: Verdict, original: String, roundTrip: String, detail: String? = nil) {
        self.verdict = verdict
        self.original = original
        self.roundTrip = roundTrip
        self.detail = detail
    }

    /// Compares `original` with `roundTrip` (both predicates on the table named `table`) by
    /// their canonical forms. Z3 is not asked: an equivalence the rewrites do not show is
    /// reported `different`.
    public static func judge(original: String, roundTrip: String, table: String, hasRaw: Bool) -> LiftCertificate {
        let left = SQLExpressionParser.parse(text: original)
        let right = SQLExpressionParser.parse(text: roundTrip)
        guard left.diagnostics.isEmpty, right.diagnostics.isEmpty, !left.expression.containsError, !right.expression.containsError
        else {
            return LiftCertificate(
                verdict: .different, original: original, roundTrip: roundTrip, detail: "the SQL reader could not read both texts")
        }
        let leftForm = CanonicalSQL.text(left.expression, table: table)
        let rightForm = CanonicalSQL.text(right.expression, table: table)
        guard leftForm == rightForm else {
            return LiftCertificate(
                verdict: .different, original: original, roundTrip: roundTrip, detail: "original \(leftForm) vs lifted \(rightForm)")
        }
        return LiftCertificate(verdict: hasRaw ? .raw : .equivalent, original: original, roundTrip: roundTrip)
    }

    /// The canonical form of a predicate on the table named `table` (nil when it does not read).
    public static func canonicalForm(_ text: String, table: String) -> String? {
        let parsed = SQLExpressionParser.parse(text: text)
        guard parsed.diagnostics.isEmpty, !parsed.expression.containsError else { return nil }
        return CanonicalSQL.text(parsed.expression, table: table)
    }
}
