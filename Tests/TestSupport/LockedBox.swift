import Synchronization

/// A value shared between threads under a lock.
public final class LockedBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    /// A box holding `value`.
    public init(_ value: Value) { self.value = Mutex(value) }

    /// The value.
    public func get() -> Value { value.withLock { $0 } }

    /// Replaces the value.
    public func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}
