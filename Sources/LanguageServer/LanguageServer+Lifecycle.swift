import Foundation
import JSON
import JSONRPC
import PolicyEngine

extension LanguageServer {
    /// `initialize`: reads the client's capabilities and roots, loads the projects, answers with
    /// the server's capabilities and the negotiated position encoding.
    func initialize(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        capabilities = ClientCapabilities(json: params["capabilities"])
        encoding = capabilities.negotiatedEncoding
        options = options.merging(params["initializationOptions"])
        registry = ProjectRegistry(environment: environment, jobs: options.proofJobs)
        var roots: [String] = []
        if let folders = params["workspaceFolders"]?.array {
            for folder in folders { roots.append(uris.path(of: try WorkspaceFolder(json: folder).uri)) }
        }
        if roots.isEmpty, let rootURI = params["rootUri"]?.string { roots.append(uris.path(of: rootURI)) }
        if roots.isEmpty, let rootPath = params["rootPath"]?.string { roots.append(DocumentURI.normalize(rootPath)) }
        for root in roots where root.hasPrefix("/") { registry.addRoot(root) }
        if let pid = params["processId"]?.int { watchParent(pid) }
        phase = .running
        return [
            "capabilities": ServerCapabilities.json(encoding: encoding),
            "serverInfo": ["name": "pgpe", "version": .string(LanguageServer.version)],
        ]
    }

    /// The version reported to clients.
    static let version = "0.1.0"

    /// `initialized`: watches files (or polls them), publishes every project's diagnostics and
    /// starts the first proofs.
    func initialized() {
        if capabilities.watchedFilesRegistration {
            let watchers: JSONValue = [
                ["globPattern": "**/*.policy"], ["globPattern": "**/pgpe.{yaml,yml}"],
                ["globPattern": "**/*.{sql,json}"],
            ]
            clientRequests.send(
                "client/registerCapability",
                params: [
                    "registrations": [
                        [
                            "id": "pgpe-watched-files",
                            "method": "workspace/didChangeWatchedFiles",
                            "registerOptions": ["watchers": watchers],
                        ]
                    ]
                ]
            ) { [weak self] result in
                guard let self, case .failure(let error) = result else { return }
                ServerLog.write("the client refused to watch files (\(error)); polling instead")
                self.enqueue { $0.startPolling() }
            }
        } else {
            startPolling()
        }
        for project in registry.projects {
            publish(project)
            scheduleProofs(project, delay: 0)
        }
    }

    /// `shutdown`: stops background work; only `exit` is accepted afterwards.
    func shutdown() {
        phase = .shutDown
        poller?.stop()
        poller = nil
        for project in registry.projects {
            project.pendingRun?.cancel()
            project.pendingRun = nil
            project.runningProofs?.cancel()
            project.runningProofs = nil
        }
    }

    /// Exits (code 1, as for `exit` without `shutdown`) once the client's process `pid` is gone.
    func watchParent(_ pid: Int) {
        guard pid > 0, pid <= Int(Int32.max), options.parentCheckInterval > 0 else { return }
        let watcher = ParentProcessWatcher(pid: pid_t(pid), interval: options.parentCheckInterval) { [weak self] in
            ServerLog.write("the client's process \(pid) is gone; exiting")
            guard let self else { return }
            self.enqueue { $0.finish(exitCode: 1) }
        }
        parentWatcher = watcher
        watcher.start()
    }

    /// Starts the fallback watcher, unless polling is off.
    func startPolling() {
        guard poller == nil, options.pollInterval > 0, phase == .running else { return }
        let poller = FilePoller(interval: options.pollInterval, queue: queue) { [weak self] in
            self?.assumeIsolated { $0.registry.projects.map { ($0.key, $0.workspace.watchedPaths) } } ?? []
        } changed: { [weak self] paths in
            self?.assumeIsolated { $0.filesChanged(paths) }
        }
        self.poller = poller
        poller.start()
    }
}
