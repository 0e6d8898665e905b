import JSON
import JSONRPC

extension JSONValue {
    /// The member `key`, or an invalid-params error naming it.
    func required(_ key: String) throws(ResponseError) -> JSONValue {
        guard let value = self[key], !value.isNull else {
            throw ResponseError(.invalidParams, "missing '\(key)' in params")
        }
        return value
    }

    /// The string member `key`, or an invalid-params error.
    func requiredString(_ key: String) throws(ResponseError) -> String {
        guard let value = try required(key).string else { throw ResponseError(.invalidParams, "'\(key)' must be a string") }
        return value
    }

    /// The integer member `key`, or an invalid-params error.
    func requiredInt(_ key: String) throws(ResponseError) -> Int {
        guard let value = try required(key).int else { throw ResponseError(.invalidParams, "'\(key)' must be an integer") }
        return value
    }

    /// The array member `key`, or an invalid-params error.
    func requiredArray(_ key: String) throws(ResponseError) -> [JSONValue] {
        guard let value = try required(key).array else { throw ResponseError(.invalidParams, "'\(key)' must be an array") }
        return value
    }
}
