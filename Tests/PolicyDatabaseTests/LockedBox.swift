import Foundation

/// A value shared between threads under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    /// A box holding `value`.
    init(_ value: Value) { self.value = value }

    /// The value.
    func get() -> Value { lock.withLock { value } }

    /// Replaces the value.
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
