/// Groups of SQL types that compare with each other and share an encoding in the analysis.
public enum TypeFamily: String, Hashable, Sendable, Codable, CaseIterable {
    /// text, varchar, char, name, citext, enums.
    case text
    /// smallint, integer, bigint, oid.
    case integer
    /// numeric, real, double precision.
    case numeric
    /// boolean.
    case boolean
    /// uuid.
    case uuid
    /// timestamp, timestamptz.
    case timestamp
    /// date.
    case date
    /// time, timetz, interval.
    case time
    /// json, jsonb.
    case json
    /// Arrays of any element type.
    case array
    /// Everything else (bytea, inet, user types without a known base).
    case other

    /// Whether the literals pgpe accepts for the family are spelled one way per value, so that
    /// two literals are equal exactly when their texts are: not so for json (spacing, key order),
    /// arrays, times and intervals (`'1 day'` = `'24 hours'`), or other types; the normal form
    /// and the proofs treat those literals' values as unknown apart from that.
    public var hasCanonicalLiterals: Bool {
        switch self {
        case .json, .array, .time, .other: return false
        default: return true
        }
    }

    /// Whether values of the two families can be compared with `=`, `<` etc.
    public func isComparable(with other: TypeFamily) -> Bool {
        if self == other { return true }
        switch (self, other) {
        case (.integer, .numeric), (.numeric, .integer): return true
        case (.timestamp, .date), (.date, .timestamp): return true
        default: return false
        }
    }

    /// Whether `<`, `>`, `<=`, `>=` are meaningful.
    public var isOrdered: Bool {
        switch self {
        case .text, .integer, .numeric, .timestamp, .date, .time, .uuid: return true
        default: return false
        }
    }
}
