import PolicyEngine

/// A project held in memory for engine tests, written as one string in which `//- path` header
/// lines start the files (paths relative to the project's root), as rust-analyzer's fixtures:
///
///     //- pgpe.yaml
///     policies: [policies]
///     schema: schema.sql
///     //- schema.sql
///     CREATE TABLE t (id int);
///     //- policies/t.policy
///     POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(1️⃣id) = lit(1)
///
/// Numbered markers (`1️⃣`, …) are removed from each file and remembered with its path. The
/// workspace is built from these texts as the edge would hand them over; nothing touches the disk.
public struct WorkspaceFixture {
    /// The root the relative paths are taken from (no such directory needs to exist).
    public static let defaultRoot = "/fixture"

    /// The project's root directory.
    public let root: String
    /// The files' texts by absolute path.
    public private(set) var files: [String: String]
    /// Each marker's file and UTF-8 offset in that file's text.
    public private(set) var markers: [String: (path: String, offset: Int)]

    /// Parses a marked multi-file fixture.
    public init(_ fixture: String, root: String = WorkspaceFixture.defaultRoot) {
        var texts: [(String, String)] = []
        for line in fixture.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("//- ") {
                texts.append((String(line.dropFirst(4)).trimmingSpaces, ""))
            } else if !texts.isEmpty {
                texts[texts.count - 1].1 += line + "\n"
            }
        }
        self.init(files: texts, root: root)
    }

    /// A fixture from texts by relative path (markers are removed as in a marked fixture).
    public init(files relative: [(String, String)], root: String = WorkspaceFixture.defaultRoot) {
        self.root = root
        files = [:]
        markers = [:]
        for (name, text) in relative { set(name, text) }
    }

    /// Sets (or adds) the file at `relative` to `marked` with its markers removed.
    public mutating func set(_ relative: String, _ marked: String) {
        let path = self.path(relative)
        let source = MarkedSource(marked)
        files[path] = source.text
        for (name, offset) in source.markers { markers[name] = (path, offset) }
    }

    /// Removes the file at `relative`.
    public mutating func remove(_ relative: String) {
        files[path(relative)] = nil
    }

    /// The absolute path of `relative`.
    public func path(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : root + "/" + relative
    }

    /// The offset of a marker; fails loudly when the fixture has no such marker.
    public subscript(_ marker: String) -> Int {
        guard let found = markers[marker] else { fatalError("fixture has no marker \(marker)") }
        return found.offset
    }

    /// The project's pgpe.yaml, when the fixture has one at its root.
    public var configPath: String? {
        let path = self.path("pgpe.yaml")
        return files[path] == nil ? nil : path
    }

    /// The fixture's configuration (the defaults rooted at `root` without a pgpe.yaml).
    public func config(environment: [String: String] = [:]) -> ConfigSource {
        guard let configPath, let text = files[configPath] else { return ConfigSource.defaults(directory: root, path: nil) }
        return ConfigSource.read(text: text, path: configPath, environment: environment)
    }

    /// Every file, as the changes an edge would hand the engine.
    public var changes: [FileChange] {
        files.keys.sorted().map { FileChange(path: $0, text: files[$0]) }
    }

    /// A workspace of these files: pgpe.yaml at the root (the defaults without one), the schema
    /// file and the policy files it names.
    public func workspace(environment: [String: String] = [:], explicitPolicyPaths: [String]? = nil) -> Workspace {
        Workspace(
            directory: root, configPath: configPath, explicitPolicyPaths: explicitPolicyPaths, environment: environment,
            config: config(environment: environment), files: changes)
    }

    /// Hands the fixture's current files to `workspace` again, as an edge does when it reads the
    /// project anew (`Workspace.needsFiles`), and rebuilds it.
    public func reset(_ workspace: inout Workspace, environment: [String: String] = [:]) {
        workspace.reset(config: config(environment: environment), files: changes)
        workspace.rebuild()
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
