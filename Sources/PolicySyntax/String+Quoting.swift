extension String {
    /// The string with every `quote` scalar doubled (`'` → `''`), as SQL and the policy language
    /// escape quotes inside quotes.
    ///
    /// Works on Unicode scalars, never on `Character`s: a quote fused into one grapheme cluster
    /// with a neighbour (a combining mark after it, a prepend character before it) is still a
    /// quote to PostgreSQL and to the lexer, which read bytes.
    public func doublingQuotes(_ quote: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(quote) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            result.unicodeScalars.append(scalar)
            if scalar == quote { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
