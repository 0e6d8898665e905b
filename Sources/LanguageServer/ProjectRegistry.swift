import Foundation
import PolicyEngine
import WorkspaceFiles

/// The projects of a multi-root workspace: one per pgpe.yaml found from each root folder (or per
/// folder without one), plus one per open `.policy` file that no project's `policies:` covers
/// (checked against the nearest pgpe.yaml, as `pgpe check FILE` would). Used on the server's
/// queue only.
final class ProjectRegistry {
    /// The projects, in the order they were added.
    private(set) var projects: [Project] = []
    private let environment: [String: String]
    private let jobs: Int

    /// An empty registry; projects read pgpe.yaml with `environment` and prove with `jobs` threads.
    init(environment: [String: String], jobs: Int) {
        self.environment = environment
        self.jobs = jobs
    }

    /// Adds the project of a root folder (its pgpe.yaml, found upward), unless it is known.
    @discardableResult
    func addRoot(_ folder: String) -> Project {
        let configPath = Workspace.findConfig(from: folder)
        let key = configPath ?? folder
        if let existing = projects.first(where: { $0.key == key }) { return existing }
        let directory = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? folder
        let workspace = Workspace.load(directory: directory, configPath: configPath, environment: environment)
        let project = Project(key: key, workspace: workspace, jobs: jobs)
        projects.append(project)
        return project
    }

    /// Removes the project of a root folder.
    func removeRoot(_ folder: String) -> Project? {
        let key = Workspace.findConfig(from: folder) ?? folder
        guard let index = projects.firstIndex(where: { $0.key == key }) else { return nil }
        return projects.remove(at: index)
    }

    /// The project that reads `path` (a policy file, pgpe.yaml or schema), preferring real
    /// projects over loose files.
    func owner(of path: String) -> Project? {
        projects.first { !$0.isLoose && $0.workspace.owns(path) } ?? projects.first { $0.key == path }
    }

    /// Every project that reads `path` (a schema file may be shared).
    func readers(of path: String) -> [Project] {
        projects.filter { $0.workspace.owns(path) }
    }

    /// The project for a `.policy` file being opened: its owner, the project of the nearest
    /// pgpe.yaml when that covers it, else a loose project for the file alone.
    func project(forOpening path: String) -> Project? {
        if let owner = owner(of: path) { return owner }
        guard path.hasSuffix(".policy") else { return nil }
        let directory = (path as NSString).deletingLastPathComponent
        let configPath = path.hasPrefix("/") ? Workspace.findConfig(from: directory) : nil
        if let configPath, !projects.contains(where: { $0.key == configPath }) {
            let root = addRoot((configPath as NSString).deletingLastPathComponent)
            if root.workspace.ownsPolicyFile(path) { return root }
        }
        let base = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? (path.hasPrefix("/") ? directory : "/")
        let workspace = Workspace.load(directory: base, configPath: configPath, policyPaths: [path], environment: environment)
        let project = Project(key: path, workspace: workspace, jobs: jobs)
        projects.append(project)
        return project
    }

    /// The project numbered `serial`, unless it is gone.
    func project(serial: Int) -> Project? {
        projects.first { $0.serial == serial }
    }

    /// Forgets `project`.
    func remove(_ project: Project) {
        projects.removeAll { $0 === project }
    }

    /// Forgets a loose project once its file is closed.
    func removeLoose(_ path: String) -> Project? {
        guard let index = projects.firstIndex(where: { $0.key == path && $0.isLoose }) else { return nil }
        return projects.remove(at: index)
    }
}
