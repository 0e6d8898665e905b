import OrderedCollections

/// The members of a JSON object, in insertion order, with lookup by key.
///
/// Setting an existing key replaces its value in place; a new key goes to the end.
/// The members live in an `OrderedDictionary`. Equality and hashing ignore member order.
public struct JSONObject: Sendable {
    /// The members in order.
    public private(set) var members: OrderedDictionary<String, JSONValue> = [:]

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key-value pairs; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self.members[key] = value
        }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys, in order.
    public var keys: [String] { Array(members.keys) }

    /// The values, in key order.
    public var values: [JSONValue] { Array(members.values) }

    /// The value for `key`, or `nil`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { members[key] }
        set { members[key] = newValue }
    }

    /// The position of `key` among the members, or `nil`.
    public func index(forKey key: String) -> Int? {
        members.index(forKey: key)
    }

    /// Sets the value for `key`, keeping the key's position if it exists, and returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        members.updateValue(value, forKey: key)
    }

    /// Removes the member for `key` and returns its value, or `nil` if there was none.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        members.removeValue(forKey: key)
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in order.
    public struct Iterator: IteratorProtocol {
        private var base: OrderedDictionary<String, JSONValue>.Iterator

        /// Starts before the first member of `object`.
        init(_ object: JSONObject) {
            base = object.members.makeIterator()
        }

        /// The next member, or `nil` at the end.
        public mutating func next() -> (key: String, value: JSONValue)? {
            base.next()
        }
    }

    /// An iterator over the members in order.
    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    /// The number of members.
    public var underestimatedCount: Int { count }
}

extension JSONObject: Hashable {
    /// Whether both objects have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.members == rhs.members {
            return true
        }
        for (key, value) in lhs {
            guard rhs[key] == value else { return false }
        }
        return true
    }

    /// Hashes the members independently of their order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var combined = 0
        for (key, value) in self {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            combined = combined &+ member.finalize()
        }
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object from a literal, keeping the written order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
