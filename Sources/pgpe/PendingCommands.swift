import ArgumentParser

/// `pgpe lsp`.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lsp", abstract: "Run the language server over stdio.")
    func run() throws { throw ToolFailure("lsp is not built yet") }
}
