import JSON
import PolicyEngine
import PolicySyntax

/// Publishes each project's diagnostics per file, with the document version for open files,
/// sending a file only when its diagnostics or version changed, and clearing files that no
/// longer have any. Used on the server's queue only.
final class DiagnosticPublisher {
    private struct Published: Equatable {
        var diagnostics: [Diagnostic]
        var version: Int?
    }

    private var published: [String: Published] = [:]
    private var pathsByProject: [String: Set<String>] = [:]

    /// Publishes what changed in `project`; `send` delivers one `publishDiagnostics` notification.
    func publish(_ project: Project, conversion: EngineConversion, send: (JSONValue) -> Void) {
        let workspace = project.workspace
        let byFile = workspace.diagnosticsByFile()
        let paths = Set(byFile.keys)
        for path in pathsByProject[project.key] ?? [] where byFile[path] == nil {
            // A file the project no longer reads (or that has nothing to say): clear it.
            send(params(path, [], version: nil, conversion: conversion))
            published[path] = nil
        }
        for (path, diagnostics) in byFile {
            let state = Published(diagnostics: diagnostics, version: workspace.version(of: path))
            guard published[path] != state else { continue }
            published[path] = state
            send(params(path, diagnostics, version: state.version, conversion: conversion))
        }
        pathsByProject[project.key] = paths
    }

    /// Clears every file of a project that is going away.
    func clear(_ project: Project, conversion: EngineConversion, send: (JSONValue) -> Void) {
        for path in pathsByProject[project.key] ?? [] {
            send(params(path, [], version: nil, conversion: conversion))
            published[path] = nil
        }
        pathsByProject[project.key] = nil
    }

    private func params(_ path: String, _ diagnostics: [Diagnostic], version: Int?, conversion: EngineConversion) -> JSONValue {
        var object: JSONObject = ["uri": .string(conversion.uris.uri(of: path))]
        if let version { object["version"] = .integer(version) }
        object["diagnostics"] = .array(diagnostics.map { conversion.diagnostic($0).json })
        return .object(object)
    }
}
