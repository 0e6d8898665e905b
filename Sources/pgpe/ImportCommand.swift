import ArgumentParser
import Foundation
import JSON
import PolicyDatabase
import PolicyImport
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import WorkspaceFiles

/// `pgpe import`: writes a pgpe project from the policies a live database, its migrations or
/// its `pg_dump --schema-only` output hold (SPEC 11.6).
struct ImportCommand: ParsableCommand {
    /// The command's name, abstract and discussion.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Write a pgpe project from existing policies (exit 0: written, 1: some certificate is DIFFERENT, 2: unreadable input or tool failure).",
        discussion: """
            With --database, reads the live catalog; with FILE or DIR arguments, reads migration SQL \
            or pg_dump --schema-only output (a directory: its *.sql files, recursively, in natural \
            name order, digit runs compared as numbers). Writes DIR/pgpe.yaml (naming: exact), \
            DIR/schema.json and DIR/policies/<schema>.<table>.policy, one per table with row level \
            security on. Each policy's expressions are lifted into the language and certified by \
            compiling them back: EQUIVALENT, RAW (parts kept as raw SQL) or DIFFERENT (a bug of \
            lifting: the policy is written as lifted, listed, and the exit code is 1). See docs/import.md.
            """)

    /// `--format` of import.
    enum Format: String, ExpressibleByArgument {
        case text
        case json
    }

    /// `--database`.
    @OptionGroup var connection: DatabaseOptions

    /// The project directory to write.
    @Option(name: .long, help: ArgumentHelp("The project directory to write.", valueName: "DIR"))
    var out: String

    /// The output format: text or json.
    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    /// SQL files or directories of them, read in order.
    @Argument(help: ArgumentHelp("Migration or pg_dump SQL files, or directories of *.sql files.", valueName: "FILE|DIR"))
    var inputs: [String] = []

    /// Runs the command; exit codes as in the abstract.
    func run() throws {
        let snapshot: SchemaSnapshot
        if inputs.isEmpty {
            guard connection.database != nil else {
                throw ToolFailure("pgpe import: give --database URL or the SQL files to read")
            }
            let database = try connection.connect(config: nil, lockTimeoutMilliseconds: 5000)
            do {
                snapshot = try database.introspect().snapshot
            } catch let error as DatabaseError {
                throw ToolFailure(error.description)
            }
        } else {
            guard connection.database == nil else { throw ToolFailure("pgpe import: give --database or SQL files, not both") }
            let files = try Self.readFiles(inputs)
            let (read, diagnostics) = SQLSchemaReader.readSnapshot(files: files)
            if !diagnostics.isEmpty {
                let printer = DiagnosticPrinter { path in files.first { $0.path == path } }
                Terminal.standardError(printer.text(diagnostics, color: Terminal.colorEnabled(fileDescriptor: 2)))
            }
            if diagnostics.contains(where: { $0.severity == .error }) {
                throw ToolFailure("pgpe import: the SQL has errors; nothing written")
            }
            snapshot = read
        }
        // A text canonical forms tell apart is asked of Z3 (SPEC 11.6: "or Z3 proves the two
        // expressions equal"), through the comparator drift by meaning uses.
        let importer = ProjectImporter { original, roundTrip, context in
            MeaningComparator(schema: context.schema, config: context.config)
                .compare(observed: original, expected: roundTrip, on: context.table.name).relation == .equivalent
        }
        let project = importer.importProject(snapshot)
        let directory = WorkspaceLoader.absolutePath(out, relativeTo: Terminal.workingDirectory)
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(
                atPath: directory + "/" + ProjectImporter.policyDirectory, withIntermediateDirectories: true)
            // Written in place, not through a temporary file and without fsync: an import writes
            // one file per table, and those double its time on large schemas.
            for file in project.files {
                try Self.write(file.text, to: directory + "/" + file.path)
                written.append(file.path)
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("cannot write \(out): \(error.localizedDescription)")
        }
        let stale = Self.stalePolicyFiles(directory: directory, written: Set(written))
        switch format {
        case .text: printText(project, stale: stale)
        case .json: printJSON(project, written: written, stale: stale)
        }
        if project.hasDifferent { throw ExitCode(1) }
    }

    private func printText(_ project: ImportedProject, stale: [String]) {
        var lines: [String] = []
        for entry in project.policies {
            var line = "\(entry.table) \(Operand.name(entry.name)) \(entry.command): \(entry.verdict.rawValue)"
            if !entry.reason.isEmpty { line += " (\(entry.reason))" }
            // Names come from the catalog or the migrations: control characters are escaped.
            line = SQLQuoting.comment(line)
            if entry.verdict == .different {
                line =
                    (entry.reason.hasPrefix("not written") ? "DIFFERENT, not written: " : "DIFFERENT, written as lifted, check it: ") + line
            }
            lines.append(line)
        }
        for table in project.governedWithoutPolicy { lines.append(SQLQuoting.comment("\(table): no policy (GOVERN: default deny)")) }
        for warning in project.warnings { lines.append("warning: " + SQLQuoting.comment(warning)) }
        for file in stale { lines.append("warning: \(file) was not written by this import and is still read by pgpe") }
        let tables = Set(project.policies.map(\.table)).count + project.governedWithoutPolicy.count
        lines.append(
            "imported \(project.policies.count) polic\(project.policies.count == 1 ? "y" : "ies") on \(tables) table\(tables == 1 ? "" : "s"): "
                + "\(project.count(.equivalent)) EQUIVALENT, \(project.count(.raw)) RAW, \(project.count(.different)) DIFFERENT; wrote \(out)"
        )
        Terminal.standardOutput(lines.joined(separator: "\n"))
    }

    private func printJSON(_ project: ImportedProject, written: [String], stale: [String]) {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        let policies: [JSONValue] = project.policies.map { entry in
            [
                "table": .string(entry.table.description), "name": .string(entry.name), "command": .string(entry.command),
                "certificate": .string(entry.verdict.rawValue), "reason": entry.reason.isEmpty ? .null : .string(entry.reason),
                "original": ["using": text(entry.originalUsing), "with_check": text(entry.originalCheck)],
                "round_trip": ["using": text(entry.roundTripUsing), "with_check": text(entry.roundTripCheck)],
                "file": .string(entry.file),
            ]
        }
        let value: JSONValue = [
            "policies": .array(policies),
            "governed_without_policy": .array(project.governedWithoutPolicy.map { .string($0) }),
            "files": .array(written.map { .string($0) }),
            "warnings": .array((project.warnings + stale.map { "\($0) was not written by this import" }).map { .string($0) }),
            "summary": [
                "policies": .integer(project.policies.count), "equivalent": .integer(project.count(.equivalent)),
                "raw": .integer(project.count(.raw)), "different": .integer(project.count(.different)),
            ],
        ]
        Terminal.standardOutput(value.serializedString())
    }

    /// Writes `text` to `path`, replacing what is there.
    static func write(_ text: String, to path: String) throws {
        guard let handle = fopen(path, "w") else { throw ToolFailure("cannot write \(Terminal.relative(path))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard fclose(handle) == 0, written == bytes.count else { throw ToolFailure("cannot write \(Terminal.relative(path))") }
    }

    /// The `.policy` files under DIR/policies this import did not write.
    static func stalePolicyFiles(directory: String, written: Set<String>) -> [String] {
        let policies = directory + "/" + ProjectImporter.policyDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: policies)) ?? []
        return names.filter { $0.hasSuffix(".policy") }.map { ProjectImporter.policyDirectory + "/" + $0 }
            .filter { !written.contains($0) }.sorted()
    }

    /// The SQL files to read: each FILE, and each DIR's `*.sql` files, recursively, in natural
    /// name order of their paths below DIR.
    static func readFiles(_ inputs: [String]) throws -> [SourceFile] {
        var paths: [String] = []
        for input in inputs {
            let path = WorkspaceLoader.absolutePath(input, relativeTo: Terminal.workingDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ToolFailure("pgpe import: no such file or directory: \(input)")
            }
            guard isDirectory.boolValue else {
                paths.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw ToolFailure("pgpe import: cannot list \(input)")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.lowercased().hasSuffix(".sql") { found.append(relative) }
            }
            paths += found.sorted(by: NaturalOrder.precedes).map { path + "/" + $0 }
        }
        return try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ToolFailure("pgpe import: cannot read \(Terminal.relative(path))")
            }
            return SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
        }
    }
}
