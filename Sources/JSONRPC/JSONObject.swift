/// The members of a JSON object, in insertion order, with lookup by key.
///
/// Setting an existing key replaces its value in place; a new key goes to the end.
/// Small objects are searched linearly; larger ones keep a hash index.
/// Equality and hashing ignore member order.
public struct JSONObject: Sendable {
    /// Above this many members, lookups use a dictionary index.
    private static let linearSearchLimit = 12

    /// One key-value pair.
    struct Member: Sendable {
        /// The member's name.
        var key: String
        /// The member's value.
        var value: JSONValue
    }

    /// The members in order; read directly by the serializer.
    private(set) var members: [Member] = []
    private var index: [String: Int]?

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key-value pairs; a repeated key keeps its first position and its last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The values, in key order.
    public var values: [JSONValue] { members.map(\.value) }

    /// The value for `key`, or `nil`; assigning `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return members[position].value
        }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets the value for `key`, keeping the key's position if it exists, and returns the old value.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = position(of: key) {
            let old = members[position].value
            members[position].value = value
            return old
        }
        members.append(Member(key: key, value: value))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > Self.linearSearchLimit {
            rebuildIndex()
        }
        return nil
    }

    /// Removes the member for `key` and returns its value, or `nil` if there was none.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        let old = members.remove(at: position).value
        if members.count > Self.linearSearchLimit {
            rebuildIndex()
        } else {
            index = nil
        }
        return old
    }

    private func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        return members.firstIndex { $0.key == key }
    }

    private mutating func rebuildIndex() {
        var newIndex: [String: Int] = [:]
        newIndex.reserveCapacity(members.count)
        for (position, member) in members.enumerated() {
            newIndex[member.key] = position
        }
        index = newIndex
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in order.
    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var position = 0

        /// Starts before the first member of `object`.
        init(_ object: JSONObject) {
            self.object = object
        }

        /// The next member, or `nil` at the end.
        public mutating func next() -> (key: String, value: JSONValue)? {
            guard position < object.members.count else { return nil }
            defer { position += 1 }
            let member = object.members[position]
            return (member.key, member.value)
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
        if lhs.members.elementsEqual(rhs.members, by: { $0.key == $1.key && $0.value == $1.value }) {
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
