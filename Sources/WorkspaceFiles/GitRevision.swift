import Foundation
import PolicyConfig
import PolicyEngine
import PolicySyntax

/// A project as it was at a git revision (`pgpe diff --base REV`, the editor's comparison with
/// the last commit): its pgpe.yaml, schema file and `.policy` files read with git (`git
/// rev-parse`, `git ls-tree`, one `git cat-file --batch` for the contents), never from the
/// working tree. Paths of the revision's files are the working tree's with the repository's
/// top directory replaced by `<top>@<revision>`, so its blame and diagnostics name other files
/// than the current project's.
public enum GitRevision {
    /// The workspace of the project whose pgpe.yaml is `configPath` (or, without one, whose
    /// policy paths are `policyPaths`, rooted at `directory`), as it was at `revision`.
    /// - Throws: `WorkspaceLoader.LoadError` when git fails (not a repository, an unknown
    ///   revision) or pgpe.yaml is not in the revision.
    public static func load(
        revision: String, configPath: String?, directory: String, policyPaths: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> WorkspaceSnapshot {
        let start = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? directory
        let top = try text(git(["rev-parse", "--show-toplevel"], in: start)).trimmingCharacters(in: .whitespacesAndNewlines)
        let real = { (path: String) in (path as NSString).resolvingSymlinksInPath }
        let realTop = real(top)
        _ = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: top, failure: "unknown revision '\(revision)'")
        let root = top + "@" + revision
        /// The path inside the repository of a working-tree path, or nil outside it.
        func inRepository(_ path: String) -> String? {
            for prefix in [top, realTop] where path == prefix || path.hasPrefix(prefix + "/") {
                return String(path.dropFirst(prefix.count)).drop { $0 == "/" }.description
            }
            let resolved = real(path)
            guard resolved == realTop || resolved.hasPrefix(realTop + "/") else { return nil }
            return String(resolved.dropFirst(realTop.count)).drop { $0 == "/" }.description
        }
        func virtual(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }
        let config: ConfigSource
        var virtualConfig: String?
        if let configPath {
            guard let relative = inRepository(configPath) else {
                throw WorkspaceLoader.LoadError("\(configPath) is not inside the git repository \(top)")
            }
            guard let bytes = try blobs(["\(revision):\(relative)"], in: top)[0] else {
                throw WorkspaceLoader.LoadError("\(relative) does not exist at revision \(revision)")
            }
            virtualConfig = virtual(relative)
            config = ConfigSource.read(bytes: bytes, path: virtual(relative), environment: environment)
        } else {
            let relative = inRepository(directory) ?? ""
            config = ConfigSource.defaults(directory: virtual(relative), path: nil)
        }
        var files: [FileChange] = []
        var wanted: [String] = []
        if let schema = config.config.schemaPath {
            if schema.hasPrefix(root + "/") {
                wanted.append(String(schema.dropFirst(root.count + 1)))
            } else {
                // A schema outside the repository is the same file for both revisions.
                files.append(FileChange(path: schema, bytes: try WorkspaceLoader.readSchemaFile(schema)))
            }
        }
        let explicit = configPath == nil ? policyPaths.compactMap(inRepository) : []
        let roots =
            configPath == nil
            ? explicit
            : config.config.policyPaths.compactMap { $0.hasPrefix(root + "/") ? String($0.dropFirst(root.count + 1)) : nil }
        if !roots.isEmpty {
            let listed = try text(git(["ls-tree", "-r", "--name-only", "-z", revision, "--"] + roots, in: top))
            wanted += listed.split(separator: "\0").map(String.init).filter { path in
                path.hasSuffix(".policy") || roots.contains(path)
            }
        }
        let contents = try blobs(wanted.map { "\(revision):\($0)" }, in: top)
        for (relative, bytes) in zip(wanted, contents) {
            if let bytes { files.append(FileChange(path: virtual(relative), bytes: bytes)) }
        }
        let workspace = Workspace(
            directory: config.config.baseDirectory, configPath: virtualConfig,
            explicitPolicyPaths: configPath == nil ? explicit.map(virtual) : nil, environment: environment,
            config: config, files: files)
        return workspace.snapshot
    }

    /// Runs git with `arguments` in `directory`; its standard output, or a `LoadError` with
    /// `failure` (else git's message) when it exits non-zero.
    @discardableResult
    static func git(_ arguments: [String], in directory: String, input: [UInt8] = [], failure: String? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw WorkspaceLoader.LoadError("cannot run git: \(error.localizedDescription)")
        }
        // Input is written on another thread: git answers while it reads, and a full output pipe
        // would otherwise stop both.
        let writer = Thread {
            if !input.isEmpty { standardInput.fileHandleForWriting.write(Data(input)) }
            try? standardInput.fileHandleForWriting.close()
        }
        writer.start()
        // git writes little to standard error (a message when it fails): read after the output.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkspaceLoader.LoadError(failure ?? "git \(arguments.first ?? ""): \(message)")
        }
        return [UInt8](data)
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The contents of `objects` (`REV:path`), in order, `nil` for one that does not exist, read
    /// by one `git cat-file --batch`.
    static func blobs(_ objects: [String], in directory: String) throws -> [[UInt8]?] {
        guard !objects.isEmpty else { return [] }
        if let odd = objects.first(where: { $0.contains("\n") }) {
            throw WorkspaceLoader.LoadError("cannot read a path with a line break from git: \(odd)")
        }
        let output = try git(["cat-file", "--batch"], in: directory, input: Array(objects.joined(separator: "\n").utf8) + [10])
        var result: [[UInt8]?] = []
        var position = 0
        for object in objects {
            guard let end = output[position...].firstIndex(of: 10) else {
                throw WorkspaceLoader.LoadError("git cat-file: short answer for \(object)")
            }
            let header = text(Array(output[position..<end])).split(separator: " ")
            position = end + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), position + size <= output.count else {
                result.append(nil) // `<object> missing`, or not a file
                if header.count == 3, let size = Int(header[2]) { position += size + 1 }
                continue
            }
            result.append(Array(output[position..<(position + size)]))
            position += size + 1
        }
        return result
    }
}
