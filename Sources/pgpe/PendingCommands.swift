import ArgumentParser

/// `pgpe apply`.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply the compiled policies to a database in one transaction.")
    func run() throws { throw ToolFailure("apply is not built yet") }
}

/// `pgpe monitor`.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: "Report drift between the policies and a live database.")
    func run() throws { throw ToolFailure("monitor is not built yet") }
}

/// `pgpe introspect`.
struct IntrospectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "introspect", abstract: "Write a schema snapshot of a live database.")
    func run() throws { throw ToolFailure("introspect is not built yet") }
}
