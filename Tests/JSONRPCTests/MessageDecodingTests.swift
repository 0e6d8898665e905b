import JSONRPC
import Testing

/// Decodes `text` as a message body, recording an issue if it is rejected.
private func decode(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Message? {
    do {
        return try Message(parsing: Array(text.utf8))
    } catch {
        Issue.record("rejected \(text): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The rejection of `text`, or `nil` (with an issue recorded) if it decodes.
private func reject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> MalformedMessage? {
    do {
        let message = try Message(parsing: Array(text.utf8))
        Issue.record("accepted \(text) as \(message)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite struct MessageDecodingTests {
    @Test func requestsWithIntegerAndStringIDs() {
        #expect(
            decode(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"line":3}}"#)
                == .request(RequestMessage(id: 1, method: "textDocument/hover", params: ["line": 3])))
        #expect(
            decode(#"{"method":"shutdown","id":"abc-1","jsonrpc":"2.0"}"#)
                == .request(RequestMessage(id: "abc-1", method: "shutdown")))
        #expect(
            decode(#"{"jsonrpc":"2.0","id":-9223372036854775808,"method":"m","params":[1,2]}"#)
                == .request(RequestMessage(id: .integer(Int.min), method: "m", params: [1, 2])))
        #expect(
            decode(#"{"jsonrpc":"2.0","id":"7","method":"m","params":null}"#)
                == .request(RequestMessage(id: "7", method: "m", params: nil)))
    }

    @Test func notifications() {
        #expect(
            decode(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
                == .notification(NotificationMessage(method: "initialized", params: [:])))
        #expect(
            decode(#"{"jsonrpc":"2.0","method":"exit"}"#)
                == .notification(NotificationMessage(method: "exit")))
    }

    @Test func responses() {
        #expect(
            decode(#"{"jsonrpc":"2.0","id":3,"result":null}"#)
                == .response(ResponseMessage(id: 3, result: .null)))
        #expect(
            decode(#"{"jsonrpc":"2.0","id":"x","result":{"ok":true}}"#)
                == .response(ResponseMessage(id: "x", result: ["ok": true])))
        #expect(
            decode(#"{"jsonrpc":"2.0","id":4,"error":{"code":-32800,"message":"cancelled","data":[1]}}"#)
                == .response(ResponseMessage(id: 4, error: ResponseError(.requestCancelled, "cancelled", data: [1]))))
        #expect(
            decode(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#)
                == .response(ResponseMessage(id: nil, error: .parseError)))
    }

    @Test func stringAndIntegerIDsStayDistinct() {
        let integer = decode(#"{"jsonrpc":"2.0","id":1,"method":"m"}"#)
        let string = decode(#"{"jsonrpc":"2.0","id":"1","method":"m"}"#)
        #expect(integer != string)
        #expect(RequestID(json: "1") == .string("1"))
        #expect(RequestID(json: 1) == .integer(1))
        #expect(RequestID(json: 1.0) == nil)
        #expect(RequestID.string("1").description == "\"1\"")
    }

    @Test func unparsableJSONIsAParseErrorWithNullID() {
        let rejection = reject(#"{"jsonrpc":"2.0","id":1,"method":"m""#)
        #expect(rejection?.error.code == .parseError)
        #expect(rejection?.id == nil)
        #expect(rejection?.expectsReply == true)
        #expect(rejection?.reply == ResponseMessage(id: nil, error: rejection?.error ?? .parseError))
    }

    @Test(arguments: [
        // (body, expected id in the error reply)
        (#"[]"#, nil),
        (#"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#, nil),
        (#""a string""#, nil),
        (#"42"#, nil),
        (#"null"#, nil),
        (#"{}"#, nil),
        (#"{"id":5,"method":"m"}"#, RequestID.integer(5)),
        (#"{"jsonrpc":"1.0","id":"v","method":"m"}"#, RequestID.string("v")),
        (#"{"jsonrpc":2.0,"id":6,"method":"m"}"#, RequestID.integer(6)),
        (#"{"jsonrpc":"2.0","id":7}"#, RequestID.integer(7)),
        (#"{"jsonrpc":"2.0","id":8,"method":1}"#, RequestID.integer(8)),
        (#"{"jsonrpc":"2.0","id":9,"method":"m","params":"bar"}"#, RequestID.integer(9)),
        (#"{"jsonrpc":"2.0","id":10,"method":"m","params":3}"#, RequestID.integer(10)),
        (#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":null,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","id":99999999999999999999,"method":"m"}"#, nil),
        (#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#, nil),
    ])
    func invalidRequestsAreAnsweredWithTheirID(body: String, id: RequestID?) {
        guard let rejection = reject(body) else { return }
        #expect(rejection.error.code == .invalidRequest, "\(body)")
        #expect(rejection.error.code.rawValue == -32600)
        #expect(rejection.id == id, "\(body)")
        #expect(rejection.expectsReply, "\(body)")
        #expect(rejection.reply?.id == id)
        #expect(rejection.reply?.result == .failure(rejection.error))
    }

    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"result":1,"error":{"code":1,"message":"m"}}"#,
        #"{"jsonrpc":"2.0","result":1}"#,
        #"{"jsonrpc":"2.0","id":null,"result":1}"#,
        #"{"jsonrpc":"2.0","id":2,"error":{"code":"x","message":"m"}}"#,
        #"{"jsonrpc":"2.0","id":3,"error":{"code":-1}}"#,
        #"{"jsonrpc":"2.0","id":4,"error":"bad"}"#,
        #"{"jsonrpc":"2.0","id":false,"result":1}"#,
        #"{"id":5,"result":1}"#,
    ])
    func malformedResponsesAreNotAnswered(body: String) {
        guard let rejection = reject(body) else { return }
        #expect(rejection.error.code == .invalidRequest, "\(body)")
        #expect(!rejection.expectsReply, "\(body)")
        #expect(rejection.reply == nil)
    }

    @Test func malformedResponseKeepsItsIDForTheHandler() {
        #expect(reject(#"{"jsonrpc":"2.0","id":12,"error":{"code":"x"}}"#)?.id == 12)
    }

    @Test func encodingPutsMembersInProtocolOrder() {
        let request = Message.request(RequestMessage(id: 1, method: "initialize", params: ["processId": .null]))
        #expect(request.json.serializedString() == #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null}}"#)
        let notification = Message.notification(NotificationMessage(method: "exit"))
        #expect(notification.json.serializedString() == #"{"jsonrpc":"2.0","method":"exit"}"#)
        let success = Message.response(ResponseMessage(id: "a", result: .null))
        #expect(success.json.serializedString() == #"{"jsonrpc":"2.0","id":"a","result":null}"#)
        let failure = Message.response(ResponseMessage(id: nil, error: ResponseError(.invalidParams, "no uri", data: ["k": 1])))
        #expect(
            failure.json.serializedString() == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32602,"message":"no uri","data":{"k":1}}}"#)
    }

    @Test func encodedMessagesDecodeToThemselves() throws {
        let messages: [Message] = [
            .request(RequestMessage(id: 0, method: "a", params: [1])),
            .request(RequestMessage(id: "ü-😀", method: "b/c", params: ["x": ["y": .null]])),
            .notification(NotificationMessage(method: "$/cancelRequest", params: ["id": 3])),
            .response(ResponseMessage(id: 9, result: [])),
            .response(ResponseMessage(id: "9", error: .contentModified)),
        ]
        for message in messages {
            #expect(try Message(json: message.json) == message)
            #expect(try Message(parsing: message.json.serialized()) == message)
        }
    }

    @Test func standardErrorCodes() {
        let expected: [(ResponseError, Int)] = [
            (.parseError, -32700), (.invalidRequest, -32600), (.methodNotFound, -32601),
            (.invalidParams, -32602), (.internalError, -32603), (.serverNotInitialized, -32002),
            (.unknownErrorCode, -32001), (.requestFailed, -32803), (.serverCancelled, -32802),
            (.contentModified, -32801), (.requestCancelled, -32800),
        ]
        for (error, code) in expected {
            #expect(error.code.rawValue == code, "\(error)")
            #expect(ResponseError(json: error.json) == error)
        }
        #expect(ErrorCode.requestCancelled == -32800)
        #expect(
            ResponseError.methodNotFound.withMessage("no such method: foo").json
                == ["code": -32601, "message": "no such method: foo"])
    }
}
