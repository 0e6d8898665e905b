extension String {
    /// The string with every `quote` character doubled (`'` → `''`), as SQL and the policy
    /// language escape quotes inside quotes.
    public func doublingQuotes(_ quote: Character) -> String {
        guard contains(quote) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for character in self {
            result.append(character)
            if character == quote { result.append(character) }
        }
        return result
    }
}
