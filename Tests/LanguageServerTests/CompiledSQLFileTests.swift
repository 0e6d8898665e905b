import Foundation
import Testing

@testable import LanguageServer

#if canImport(Glibc)
import Glibc
#endif

/// "Open compiled SQL in a new file" hands the editor a file the server made itself: fresh,
/// mode 0600, in a directory only this user may enter. A symlink planted at the path the server
/// used to hand out (one fixed name under the shared temporary directory, created by the editor
/// with overwrite) is never followed.
@Suite(.serialized) struct CompiledSQLFileTests {
    @Test func theNewFileIsPrivateAndFreshAndAPlantedSymlinkIsNotFollowed() throws {
        let harness = try ServerHarness()
        harness.initialize(capabilities: ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]])
        // Another local user's trap at the old fixed path: a symlink to one of this user's files.
        let victim = harness.path("victim.txt")
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        let oldDirectory = (NSTemporaryDirectory() as NSString).appendingPathComponent("pgpe-compiled")
        let oldPath = (oldDirectory as NSString).appendingPathComponent("tenant_isolation.sql")
        try? FileManager.default.createDirectory(atPath: oldDirectory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: oldPath)
        try FileManager.default.createSymbolicLink(atPath: oldPath, withDestinationPath: victim)
        defer { try? FileManager.default.removeItem(atPath: oldPath) }

        harness.open("policies/tenancy.policy")
        let text = try String(contentsOfFile: harness.path("policies/tenancy.policy"), encoding: .utf8)
        let line = try #require(
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("POLICY tenant_isolation") })
        func openAction() throws -> (path: String, sql: String) {
            let result = try #require(
                harness.request(
                    "textDocument/codeAction",
                    [
                        "textDocument": ["uri": .string(harness.uri("policies/tenancy.policy"))],
                        "range": ["start": ["line": .integer(line), "character": 8], "end": ["line": .integer(line), "character": 8]],
                        "context": ["diagnostics": []],
                    ]))
            let actions = try result.get().array ?? []
            let action = try #require(
                actions.first { $0["title"]?.string == "Open compiled SQL of policy tenant_isolation in a new file" },
                "\(actions.compactMap { $0["title"]?.string })")
            let changes = try #require(action["edit"]?["documentChanges"]?.array)
            #expect(changes.count == 2)
            #expect(changes.first?["kind"]?.string == "create")
            let uri = try #require(changes.first?["uri"]?.string)
            #expect(changes.last?["textDocument"]?["uri"]?.string == uri)
            let sql = try #require(changes.last?["edits"]?[0]?["newText"]?.string)
            return (DocumentURI.path(of: uri), sql)
        }
        let (path, sql) = try openAction()
        #expect(sql.contains("CREATE POLICY tenant_isolation_users"))
        #expect(path != oldPath)
        var file = stat()
        #expect(lstat(path, &file) == 0, "the server made the file")
        #expect(file.st_mode & S_IFMT == S_IFREG, "a regular file, not a symlink")
        #expect(file.st_mode & 0o777 == 0o600)
        #expect(file.st_uid == geteuid())
        #expect(file.st_nlink == 1)
        var directory = stat()
        let parent = (path as NSString).deletingLastPathComponent
        #expect(lstat(parent, &directory) == 0)
        #expect(directory.st_mode & S_IFMT == S_IFDIR)
        #expect(directory.st_mode & 0o777 == 0o700, "only this user may enter the directory")
        #expect(directory.st_uid == geteuid())
        // What the editor does with the edit: create (overwriting), then insert the SQL.
        try sql.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n", "the planted symlink was followed")
        // Asking again reuses the file: no new file per request.
        #expect(try openAction().path == path)
        try? FileManager.default.removeItem(atPath: parent)
    }
}
