import JSON
import PolicySyntax

/// The client capabilities the server acts on, read from `initialize`.
struct ClientCapabilities: Sendable {
    /// The position encodings the client offers, in its order of preference (UTF-16 when absent).
    var positionEncodings: [String] = ["utf-16"]
    /// Whether the client can create work-done progress tokens on request.
    var workDoneProgress = false
    /// Whether `workspace/didChangeWatchedFiles` can be registered dynamically.
    var watchedFilesRegistration = false
    /// Whether hovers may be Markdown.
    var markdownHover = true
    /// Whether workspace edits may create files.
    var createFiles = false
    /// Whether workspace edits may use `documentChanges`.
    var documentChanges = false
    /// Whether the client accepts `workspace/codeLens/refresh`.
    var codeLensRefresh = false
    /// Whether the client accepts `workspace/inlayHint/refresh`.
    var inlayHintRefresh = false
    /// Whether the client accepts `workspace/semanticTokens/refresh`.
    var semanticTokensRefresh = false

    /// No capabilities beyond the defaults.
    init() {}

    /// Reads the capabilities (unknown or malformed entries are ignored).
    init(json: JSONValue?) {
        guard let json else { return }
        if let encodings = json["general"]?["positionEncodings"]?.array?.compactMap(\.string), !encodings.isEmpty {
            positionEncodings = encodings
        }
        workDoneProgress = json["window"]?["workDoneProgress"]?.bool ?? false
        let workspace = json["workspace"]
        watchedFilesRegistration = workspace?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        documentChanges = workspace?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        createFiles =
            documentChanges
            && (workspace?["workspaceEdit"]?["resourceOperations"]?.array?.contains { $0.string == "create" } ?? false)
        codeLensRefresh = workspace?["codeLens"]?["refreshSupport"]?.bool ?? false
        inlayHintRefresh = workspace?["inlayHint"]?["refreshSupport"]?.bool ?? false
        semanticTokensRefresh = workspace?["semanticTokens"]?["refreshSupport"]?.bool ?? false
        if let formats = json["textDocument"]?["hover"]?["contentFormat"]?.array?.compactMap(\.string), !formats.isEmpty {
            markdownHover = formats.contains("markdown")
        }
    }

    /// The encoding to use: the client's first choice among those the server supports, else UTF-16.
    var negotiatedEncoding: PositionEncoding {
        for name in positionEncodings {
            if let encoding = PositionEncoding(rawValue: name) { return encoding }
        }
        return .utf16
    }
}
