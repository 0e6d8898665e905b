import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax
import WorkspaceFiles

extension LanguageServer {
    /// `textDocument/didOpen`.
    func didOpen(_ params: JSONValue) throws(ResponseError) {
        let document = try params.required("textDocument")
        let path = uris.path(of: try document.requiredString("uri"))
        let text = try document.requiredString("text")
        let version = document["version"]?.int ?? 0
        let opened = OpenDocument(source: SourceFile(path: path, text: text), version: version)
        openTexts[path] = opened
        let projects = registry.readers(of: path)
        let targets = projects.isEmpty ? registry.project(forOpening: path).map { [$0] } ?? [] : projects
        for project in targets {
            project.workspace.open(opened)
            changed(project)
        }
    }

    /// `textDocument/didChange`: applies the changes in order (each range refers to the text
    /// after the previous change), then rebuilds, publishes and reschedules proofs.
    func didChange(_ params: JSONValue) throws(ResponseError) {
        let document = try params.required("textDocument")
        let path = uris.path(of: try document.requiredString("uri"))
        let version = document["version"]?.int
        let changes = try params.requiredArray("contentChanges").map { (change) throws(ResponseError) in
            try TextDocumentContentChangeEvent(json: change)
        }
        guard var stored = openTexts[path] else { return }
        // The edits in UTF-8 offsets, each against the text the previous ones left (a change
        // without a range replaces the whole text: it counts as the edit that changed it).
        var edits: [TextEdit] = []
        var text = stored.source.text
        for (index, change) in changes.enumerated() {
            let edit: TextEdit
            if let range = change.range {
                let source = index == 0 ? stored.source : SourceFile(path: path, text: text)
                edit = TextEdit(range: PositionConverter(source: source, encoding: encoding).sourceRange(range), newText: change.text)
            } else {
                edit = TextEditing.difference(from: text, to: change.text)
            }
            text = TextEditing.apply(edit, to: text)
            edits.append(edit)
        }
        stored = OpenDocument(source: SourceFile(path: path, text: text), version: version ?? stored.version)
        openTexts[path] = stored
        // Every project holding the document follows the edits (its text is the stored one),
        // also one that no longer reads it (pgpe.yaml changed) and may read it again; the proof
        // diagnostics move with them.
        let holders = registry.projects.filter { $0.workspace.openDocuments[path] != nil }
        for project in holders {
            project.workspace.change(to: stored, by: edits)
            project.workspace.rebuild()
            changed(project)
        }
        // No project holds it (its folder was removed): it becomes a loose file again.
        if holders.isEmpty, let project = registry.project(forOpening: path) {
            project.workspace.open(stored)
            changed(project)
        }
    }

    /// `textDocument/didClose`: the file on disk counts again; a loose file's project goes away.
    func didClose(_ params: JSONValue) throws(ResponseError) {
        let path = uris.path(of: try params.required("textDocument").requiredString("uri"))
        openTexts[path] = nil
        for project in registry.projects where project.workspace.openDocuments[path] != nil {
            project.workspace.close(path)
            changed(project)
        }
        if let loose = registry.removeLoose(path) {
            loose.runningProofs?.cancel()
            loose.pendingRun?.cancel()
            publisher.clear(loose, conversion: conversion(loose.workspace)) { notify("textDocument/publishDiagnostics", $0) }
        }
    }

    /// `textDocument/didSave`: pgpe.yaml and schema files that are not open are read again
    /// (for clients that do not watch files).
    func didSave(_ params: JSONValue) throws(ResponseError) {
        let path = uris.path(of: try params.required("textDocument").requiredString("uri"))
        let readers = registry.readers(of: path).filter { $0.workspace.openDocuments[path] == nil }
        if !readers.isEmpty { filesChanged([path]) }
    }

    /// `workspace/didChangeWatchedFiles`.
    func didChangeWatchedFiles(_ params: JSONValue) throws(ResponseError) {
        let events = try params.requiredArray("changes").map { (change) throws(ResponseError) in try FileEvent(json: change) }
        filesChanged(events.map { uris.path(of: $0.uri) })
    }

    /// Files on disk changed: the projects that read them reload them; a new pgpe.yaml in a
    /// root without one replaces that root's project.
    func filesChanged(_ paths: [String]) {
        for path in paths where Workspace.configFileNames.contains((path as NSString).lastPathComponent) {
            let directory = (path as NSString).deletingLastPathComponent
            if let project = registry.projects.first(where: { $0.key == directory && !$0.isLoose }) {
                // A folder without pgpe.yaml got one: its project is read again from the new file.
                project.runningProofs?.cancel()
                project.pendingRun?.cancel()
                registry.remove(project)
                publisher.clear(project, conversion: conversion(project.workspace)) { notify("textDocument/publishDiagnostics", $0) }
                let replacement = registry.addRoot(directory)
                for document in project.workspace.openDocuments.values {
                    replacement.workspace.open(document)
                }
                changed(replacement)
            }
        }
        for project in registry.projects {
            let relevant = paths.filter { path in
                project.workspace.owns(path)
                    || (path.hasSuffix(".policy") && project.workspace.policyPaths.contains { Workspace.path(path, isWithin: $0) })
            }
            guard !relevant.isEmpty else { continue }
            project.workspace.reload(changedPaths: relevant)
            changed(project)
        }
    }

    /// `workspace/didChangeWorkspaceFolders`.
    func didChangeWorkspaceFolders(_ params: JSONValue) throws(ResponseError) {
        let event = try params.required("event")
        for folder in event["removed"]?.array ?? [] {
            let path = uris.path(of: try WorkspaceFolder(json: folder).uri)
            if let project = registry.removeRoot(path) {
                project.runningProofs?.cancel()
                project.pendingRun?.cancel()
                publisher.clear(project, conversion: conversion(project.workspace)) { notify("textDocument/publishDiagnostics", $0) }
            }
        }
        for folder in event["added"]?.array ?? [] {
            let path = uris.path(of: try WorkspaceFolder(json: folder).uri)
            let project = registry.addRoot(path)
            // Documents open in the editor count with their unsaved text; a loose project that
            // stood in for one gives way.
            for (openPath, document) in openTexts where project.workspace.owns(openPath) && project.workspace.openDocuments[openPath] == nil
            {
                project.workspace.open(document)
                if let loose = registry.removeLoose(openPath) {
                    loose.runningProofs?.cancel()
                    loose.pendingRun?.cancel()
                    publisher.clear(loose, conversion: conversion(loose.workspace)) { notify("textDocument/publishDiagnostics", $0) }
                }
            }
            changed(project)
        }
    }

    /// After a project's texts changed: read the files it now needs (its open pgpe.yaml names
    /// others), publish its diagnostics and reschedule its proofs.
    func changed(_ project: Project) {
        project.workspace.readFilesIfNeeded()
        publish(project)
        scheduleProofs(project)
    }

    /// Publishes a project's diagnostics.
    func publish(_ project: Project) {
        publisher.publish(project, conversion: conversion(project.workspace)) { notify("textDocument/publishDiagnostics", $0) }
    }
}
