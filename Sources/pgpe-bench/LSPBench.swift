import Foundation
import JSON
import JSONRPC
import PolicyEngine
import PolicySyntax
import PolicyWorkloads
import Synchronization
import WorkspaceFiles

/// Issue 5's benchmark: an LSP replay harness that starts the real `pgpe lsp` (the binary in
/// `PGPE_BIN`, else the one next to this program) over stdio on a generated workspace of 5,000
/// policy lines over 200 tables, replays typing, hovers and completions, and measures what an
/// editor waits for: edit → syntax/semantic diagnostics, hover and completion latency, proof
/// diagnostics after the last edit, and the server's resident memory.
enum LSPBench {
    /// The engine part alone (suite `lsp-engine`): quick, no server process.
    static func runEngine() throws -> BenchReport {
        var report = BenchReport(suite: "lsp-engine")
        let generated = WorkspaceGenerator(tables: 200, policies: 50, minimumLines: 5_000).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-lsp-engine-\(getpid())")
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        try measureEngine(directory: directory, report: &report)
        return report
    }

    /// Runs the suite and returns its report.
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "lsp")
        let generated = WorkspaceGenerator(tables: 200, policies: 50, minimumLines: 5_000).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-lsp-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try generated.write(to: directory)
        defer {
            // PGPE_BENCH_KEEP leaves the workspace behind for a look.
            if ProcessInfo.processInfo.environment["PGPE_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(at: directory) }
        }
        report.notes.append("workspace: \(generated.policies.count) files, \(generated.policyLineCount) policy lines, 200 tables")

        try measureEngine(directory: directory, report: &report)

        let client = try Client(binary: binary(), arguments: ["lsp"])
        defer { client.stop() }
        let root = directory.path
        _ = try client.request(
            "initialize",
            [
                "processId": .integer(Int(getpid())),
                "rootUri": .string(URL(fileURLWithPath: root).absoluteString),
                "capabilities": ["window": ["workDoneProgress": true], "general": ["positionEncodings": ["utf-16"]]],
            ], timeout: 60)
        client.notify("initialized", [:])

        // Open every policy file and wait for its first diagnostics.
        var texts: [String: String] = [:]
        for (name, text) in generated.policies.sorted(by: { $0.key < $1.key }) {
            let path = directory.appendingPathComponent("policies").appendingPathComponent(name).path
            texts[path] = text
            let uri = URL(fileURLWithPath: path).absoluteString
            client.notify(
                "textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "pgpe", "version": 1, "text": .string(text)]])
            _ = try client.waitForDiagnostics(uri: uri, version: 1, timeout: 30)
        }
        let initialStart = Clock.now()
        let (target, targetText) = try pickTarget(texts)
        let uri = URL(fileURLWithPath: target).absoluteString
        try waitForProofs(client, uri: uri, timeout: 600)
        report.add("initial background proofs of the whole workspace (after opening)", Clock.now() - initialStart, "ms")

        // 1. Typing: insert a clause character by character into a policy, then delete it again.
        var document = Document(text: targetText)
        var version = 1
        let editTimes = try typeAndUndo(client, uri: uri, document: &document, version: &version)
        report.add("edit → syntax/semantic diagnostics, p50 (\(editTimes.count) edits)", Clock.percentile(editTimes, 50), "ms")
        report.add("edit → syntax/semantic diagnostics, p99", Clock.percentile(editTimes, 99), "ms", target: 10)
        try waitForProofs(client, uri: uri, timeout: 120)

        // 2. Hovers and completions at places of every kind, in a quiet server.
        let hoverPoints = document.points(matching: ["POLICY ", "col(", "session(", "named(", "rel(_, ", "fn(", "has_column("], limit: 60)
        var hoverTimes: [Double] = []
        for round in 0..<5 {
            for point in hoverPoints {
                let position = document.position(of: point + 1 + round % 2)
                let start = Clock.now()
                _ = try client.request("textDocument/hover", ["textDocument": ["uri": .string(uri)], "position": position], timeout: 10)
                hoverTimes.append(Clock.now() - start)
            }
        }
        report.add("hover, p50 (\(hoverTimes.count) requests)", Clock.percentile(hoverTimes, 50), "ms")
        report.add("hover, p99", Clock.percentile(hoverTimes, 99), "ms", target: 5)

        let completionPoints = document.points(
            matching: ["col(", "session(", "CLAUSE ", "SELECTOR ", "FOR ", "named(", "rel(_, "], limit: 60)
        var completionTimes: [Double] = []
        for _ in 0..<5 {
            for point in completionPoints {
                let position = document.position(of: point)
                let start = Clock.now()
                _ = try client.request(
                    "textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": position], timeout: 10)
                completionTimes.append(Clock.now() - start)
            }
        }
        report.add("completion, p50 (\(completionTimes.count) requests)", Clock.percentile(completionTimes, 50), "ms")
        report.add("completion, p99", Clock.percentile(completionTimes, 99), "ms", target: 16)

        // 3. Proof diagnostics: add a permissive policy that lets every tenant read a table's
        // public rows (a leak), then remove it again.
        var proofTimes: [Double] = []
        let table = leakTable(generated)
        let leak =
            "\nPOLICY bench_public_rows\n  PERMISSIVE\n  FOR SELECT\n  SELECTOR named('\(table)')\n  CLAUSE col(status) = lit('public')\n"
        for _ in 0..<3 {
            let end = document.text.utf8.count
            version += 1
            let change = document.replace(end, end, with: leak)
            let sent = Clock.now()
            client.notify(
                "textDocument/didChange",
                ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [change]])
            _ = try client.waitForDiagnostics(uri: uri, timeout: 60) { $0.contains(DiagnosticKind.proofTenantIsolationFailed.id) }
            proofTimes.append(Clock.now() - sent)
            version += 1
            let undo = document.replace(end, end + leak.utf8.count, with: "")
            let undone = Clock.now()
            client.notify(
                "textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [undo]])
            _ = try client.waitForDiagnostics(uri: uri, timeout: 60) { !$0.contains(DiagnosticKind.proofTenantIsolationFailed.id) }
            proofTimes.append(Clock.now() - undone)
            try waitForProofs(client, uri: uri, timeout: 60)
        }
        report.add(
            "last edit → proof diagnostics published (leak shown and cleared), max of \(proofTimes.count)",
            proofTimes.max() ?? 0, "ms", target: 1_000)

        // The same on tenant_isolation itself, which governs most tables (every one is proven again).
        if let wide = document.text.range(of: "CLAUSE col('tenant_id') = session('app.tenant_id')\n") {
            let at = document.offset(of: wide.upperBound) - 1
            let leak = " OR CLAUSE col(status) = lit('public')"
            version += 1
            let change = document.replace(at, at, with: leak)
            let sent = Clock.now()
            client.notify(
                "textDocument/didChange",
                ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [change]])
            _ = try client.waitForDiagnostics(uri: uri, timeout: 120) { $0.contains(DiagnosticKind.proofTenantIsolationFailed.id) }
            let shown = Clock.now() - sent
            version += 1
            let undo = document.replace(at, at + leak.utf8.count, with: "")
            let undone = Clock.now()
            client.notify(
                "textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [undo]])
            _ = try client.waitForDiagnostics(uri: uri, timeout: 120) { !$0.contains(DiagnosticKind.proofTenantIsolationFailed.id) }
            try waitForProofs(client, uri: uri, timeout: 120)
            report.add("leak in tenant_isolation (all its tables) → proof diagnostics shown", shown, "ms")
            report.add("… and cleared after the undo", Clock.now() - undone, "ms")
        }

        report.add("server resident memory, peak (VmHWM)", Double(client.memory("VmHWM")) / 1024, "MB", target: 200)
        report.add("server resident memory, at the end (VmRSS)", Double(client.memory("VmRSS")) / 1024, "MB")
        _ = try client.request("shutdown", nil, timeout: 10)
        client.notify("exit", nil)
        let code = client.waitForExit(timeout: 10)
        report.notes.append("server exit code after shutdown and exit: \(code.map(String.init) ?? "still running")")
        return report
    }

    /// Issue 11's case (suite `lsp-file`): every policy of the generated workspace in one file
    /// of 5,000+ lines, opened in a fresh server with background proofs on; typing into it as in
    /// `run`, edit → diagnostics and the server's peak memory.
    static func runOneFile() throws -> BenchReport {
        var report = BenchReport(suite: "lsp-file")
        let generated = WorkspaceGenerator(tables: 200, policies: 50, minimumLines: 5_000, fileCount: 1).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-lsp-file-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard generated.policies.count == 1, let (name, text) = generated.policies.first else {
            throw BenchFailure("the generator made \(generated.policies.count) files, not one")
        }
        report.notes.append("workspace: one file of \(generated.policyLineCount) lines, 200 tables")
        try measureEngine(directory: directory, report: &report)
        let client = try Client(binary: binary(), arguments: ["lsp"])
        defer { client.stop() }
        _ = try client.request(
            "initialize",
            [
                "processId": .integer(Int(getpid())),
                "rootUri": .string(directory.absoluteString),
                "capabilities": ["general": ["positionEncodings": ["utf-16"]]],
            ], timeout: 60)
        client.notify("initialized", [:])
        let uri = directory.appendingPathComponent("policies").appendingPathComponent(name).absoluteString
        let opened = Clock.now()
        client.notify(
            "textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "pgpe", "version": 1, "text": .string(text)]])
        _ = try client.waitForDiagnostics(uri: uri, version: 1, timeout: 60)
        report.add("open → first diagnostics", Clock.now() - opened, "ms")
        var document = Document(text: text)
        var version = 1
        var times: [Double] = []
        // Twice: while the first background proofs still run, and again once they are done.
        times += try typeAndUndo(client, uri: uri, document: &document, version: &version)
        try waitForProofs(client, uri: uri, timeout: 600)
        times += try typeAndUndo(client, uri: uri, document: &document, version: &version)
        report.add("edit → syntax/semantic diagnostics, p50 (\(times.count) edits)", Clock.percentile(times, 50), "ms", target: 30)
        report.add("edit → syntax/semantic diagnostics, p99", Clock.percentile(times, 99), "ms", target: 30)
        try waitForProofs(client, uri: uri, timeout: 600)
        report.add("server resident memory, peak (VmHWM)", Double(client.memory("VmHWM")) / 1024, "MB", target: 200)
        report.add("server resident memory, at the end (VmRSS)", Double(client.memory("VmRSS")) / 1024, "MB")
        _ = try client.request("shutdown", nil, timeout: 10)
        client.notify("exit", nil)
        _ = client.waitForExit(timeout: 10)
        return report
    }

    /// Types ` AND col(status) != lit('archived')` character by character at the end of the first
    /// one-table tenant clause of `document`, then deletes it again, one change per keystroke;
    /// returns the time from each change to its diagnostics, in milliseconds.
    static func typeAndUndo(_ client: Client, uri: String, document: inout Document, version: inout Int) throws -> [Double] {
        // A one-table permissive policy (`TO app_admin … CLAUSE col(tenant_id) = session(…) AND …`).
        guard let anchor = document.text.range(of: "AND col(status) IN lit(['open', 'closed'])\n") else {
            throw BenchFailure("the generated workspace has no one-table tenant clause to edit")
        }
        let typed = " AND col(status) != lit('archived')"
        var cursor = document.offset(of: anchor.upperBound) - 1
        var times: [Double] = []
        for character in typed {
            version += 1
            let change = document.replace(cursor, cursor, with: String(character))
            cursor += String(character).utf8.count
            times.append(try timedEdit(client, uri: uri, version: version, change: change))
            Thread.sleep(forTimeInterval: 0.01)
        }
        for _ in typed {
            version += 1
            let length = document.lastCharacterLength(before: cursor)
            let change = document.replace(cursor - length, cursor, with: "")
            cursor -= length
            times.append(try timedEdit(client, uri: uri, version: version, change: change))
            Thread.sleep(forTimeInterval: 0.01)
        }
        return times
    }

    /// The engine alone, in this process (no protocol, no other thread): what one keystroke
    /// costs (edit, rebuild, diagnostics by file) and what a policy hover costs.
    static func measureEngine(directory: URL, report: inout BenchReport) throws {
        let configPath = directory.appendingPathComponent("pgpe.yaml").path
        var workspace = Workspace.load(directory: directory.path, configPath: configPath)
        guard let path = workspace.snapshot.files.first(where: { $0.source.text.contains("POLICY tenant_isolation\n") })?.source.path,
            let text = workspace.snapshot.file(path)?.source.text
        else { throw BenchFailure("no tenant_isolation file") }
        workspace.open(path, text: text, version: 1)
        guard let anchor = text.range(of: "AND col(status) IN lit(['open', 'closed'])\n") else { throw BenchFailure("no clause to edit") }
        let offset = text.utf8.distance(from: text.startIndex, to: anchor.upperBound) - 1
        var times: [Double] = []
        for round in 0..<60 {
            let start = Clock.now()
            if round % 2 == 0 {
                workspace.edit(path, TextEdit(range: .empty(at: offset), newText: "x"))
            } else {
                workspace.edit(path, TextEdit(range: SourceRange(start: offset, end: offset + 1), newText: ""))
            }
            workspace.setVersion(round + 2, of: path)
            workspace.rebuild()
            _ = workspace.diagnosticsByFile()
            times.append(Clock.now() - start)
        }
        report.add("engine in process: keystroke → snapshot and diagnostics, p50", Clock.percentile(times, 50), "ms")
        report.add("engine in process: keystroke → snapshot and diagnostics, p99", Clock.percentile(times, 99), "ms")
        guard
            let policyOffset = text.range(of: "POLICY tenant_isolation").map({
                text.utf8.distance(from: text.startIndex, to: $0.lowerBound) + 8
            })
        else { return }
        var hovers: [Double] = []
        for _ in 0..<50 {
            let start = Clock.now()
            _ = HoverProvider.hover(at: policyOffset, in: path, snapshot: workspace.snapshot)
            hovers.append(Clock.now() - start)
        }
        report.add("engine in process: hover on tenant_isolation, p99", Clock.percentile(hovers, 99), "ms")
    }

    /// The `pgpe` binary: `PGPE_BIN`, else the one built next to `pgpe-bench`.
    static func binary() -> String {
        if let path = ProcessInfo.processInfo.environment["PGPE_BIN"], !path.isEmpty { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pgpe").path
    }

    /// A table with a tenant_id that no restrictive policy pins to the tenant for SELECT, so a
    /// permissive policy without the pin leaks it.
    static func leakTable(_ workspace: WorkspaceGenerator.Workspace) -> String {
        let texts = workspace.policies.values.joined(separator: "\n")
        for index in 1...200 where index % 5 != 0 {
            let name = WorkspaceGenerator.tableName(index)
            if !texts.contains("RESTRICTIVE\n  FOR SELECT, UPDATE\n  SELECTOR named('\(name)')") { return name }
        }
        return WorkspaceGenerator.tableName(1)
    }

    /// The file holding `tenant_isolation` (a policy over most tables) and its text.
    static func pickTarget(_ texts: [String: String]) throws -> (String, String) {
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) where text.contains("POLICY tenant_isolation\n") {
            return (path, text)
        }
        throw BenchFailure("no file holds tenant_isolation")
    }

    /// Sends one change and returns the time until its diagnostics arrive, in milliseconds.
    static func timedEdit(_ client: Client, uri: String, version: Int, change: JSONValue) throws -> Double {
        let start = Clock.now()
        client.notify(
            "textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .integer(version)], "contentChanges": [change]])
        _ = try client.waitForDiagnostics(uri: uri, version: version, timeout: 10)
        return Clock.now() - start
    }

    /// Waits until the code lenses of `uri` no longer say the proofs are pending.
    static func waitForProofs(_ client: Client, uri: String, timeout: Double) throws {
        let deadline = Clock.now() + timeout * 1000
        while Clock.now() < deadline {
            let lenses = try client.request("textDocument/codeLens", ["textDocument": ["uri": .string(uri)]], timeout: 10)
            let titles = (lenses.array ?? []).compactMap { $0["command"]?["title"]?.string }
            if !titles.isEmpty, !titles.contains(where: { $0.contains("pending") || $0.contains("paused") }) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw BenchFailure("background proofs did not finish within \(Int(timeout)) s")
    }

    /// A failure of the harness itself.
    struct BenchFailure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
        /// Creates a failure.
        init(_ description: String) { self.description = description }
    }

    /// The client's copy of a document: edits as LSP changes (UTF-16 positions), and positions of text.
    struct Document {
        /// The text.
        var text: String

        /// The UTF-8 offset of `index`.
        func offset(of index: String.Index) -> Int { text.utf8.distance(from: text.startIndex, to: index) }

        /// The LSP position (UTF-16) of a UTF-8 offset.
        func position(of offset: Int) -> JSONValue {
            let bytes = Array(text.utf8)
            var line = 0
            var lineStart = 0
            for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
            return ["line": .integer(line), "character": .integer(prefix.utf16.count)]
        }

        /// Replaces UTF-8 offsets `start..<end` and returns the LSP change.
        mutating func replace(_ start: Int, _ end: Int, with newText: String) -> JSONValue {
            let change: JSONValue = ["range": ["start": position(of: start), "end": position(of: end)], "text": .string(newText)]
            var bytes = Array(text.utf8)
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
            text = String(decoding: bytes, as: UTF8.self)
            return change
        }

        /// The UTF-8 length of the character that ends at `offset`.
        func lastCharacterLength(before offset: Int) -> Int {
            let bytes = Array(text.utf8)
            var start = offset - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return offset - start
        }

        /// Offsets just after each occurrence of the patterns, round-robin, at most `limit`.
        func points(matching patterns: [String], limit: Int) -> [Int] {
            var perPattern: [[Int]] = []
            for pattern in patterns {
                var found: [Int] = []
                var searchStart = text.startIndex
                while let range = text.range(of: pattern, range: searchStart..<text.endIndex) {
                    found.append(offset(of: range.upperBound))
                    searchStart = range.upperBound
                }
                perPattern.append(found)
            }
            var result: [Int] = []
            var index = 0
            while result.count < limit, perPattern.contains(where: { index < $0.count }) {
                for list in perPattern where index < list.count && result.count < limit { result.append(list[index * 7 % list.count]) }
                index += 1
            }
            return result
        }
    }

    /// A minimal LSP client over the server process's pipes.
    final class Client: Sendable {
        /// What the server sent, and the next request id.
        private struct Received {
            var responses: [RequestID: Result<JSONValue, ResponseError>] = [:]
            var diagnostics: [String: [(version: Int?, codes: [String])]] = [:]
            var nextID = 1
        }

        private let process = Process()
        private let connection: Connection
        private let toServer = Pipe()
        private let fromServer = Pipe()
        private let received = Mutex(Received())
        /// Wakes waiters after `received` changed: a waiter holds it from its look at
        /// `received` until it waits, so no change between the two goes unnoticed.
        private let arrival = NSCondition()

        /// Starts `binary` with `arguments` and connects to its standard input and output.
        init(binary: String, arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.standardInput = toServer
            process.standardOutput = fromServer
            process.standardError = FileHandle.standardError
            try process.run()
            connection = Connection(
                input: fromServer.fileHandleForReading.fileDescriptor,
                output: toServer.fileHandleForWriting.fileDescriptor)
            connection.start { [weak self] message in self?.receive(message) }
        }

        private func receive(_ message: IncomingMessage) {
            arrival.lock()
            defer {
                arrival.broadcast()
                arrival.unlock()
            }
            switch message {
            case .response(let response):
                if let id = response.id { received.withLock { $0.responses[id] = response.result } }
            case .request(let request):
                // Progress tokens and registrations: accept them.
                try? connection.reply(to: request.id, result: .null)
            case .notification(let notification) where notification.method == "textDocument/publishDiagnostics":
                guard let uri = notification.params?["uri"]?.string else { return }
                let codes = (notification.params?["diagnostics"]?.array ?? []).compactMap { $0["code"]?.string }
                received.withLock { $0.diagnostics[uri, default: []].append((notification.params?["version"]?.int, codes)) }
            default:
                break
            }
        }

        /// Sends a notification.
        func notify(_ method: String, _ params: JSONValue?) {
            try? connection.notify(method, params: params)
        }

        /// Sends a request and waits for its result.
        func request(_ method: String, _ params: JSONValue?, timeout: Double) throws -> JSONValue {
            let id = received.withLock { received -> RequestID in
                defer { received.nextID += 1 }
                return RequestID.integer(received.nextID)
            }
            try connection.send(.request(RequestMessage(id: id, method: method, params: params)))
            let deadline = Date().addingTimeInterval(timeout)
            arrival.lock()
            defer { arrival.unlock() }
            var response: Result<JSONValue, ResponseError>?
            while true {
                response = received.withLock { $0.responses.removeValue(forKey: id) }
                if response != nil { break }
                guard arrival.wait(until: deadline) else { throw BenchFailure("\(method) got no response in \(timeout) s") }
            }
            switch response {
            case .success(let value)?: return value
            case .failure(let error)?: throw BenchFailure("\(method) failed: \(error)")
            case nil: throw BenchFailure("\(method): no response")
            }
        }

        /// Waits for a publication for `uri` (with `version`, when given) that satisfies `accept`.
        func waitForDiagnostics(
            uri: String, version: Int? = nil, timeout: Double,
            accept: ([String]) -> Bool = { _ in true }
        ) throws -> [String] {
            let deadline = Date().addingTimeInterval(timeout)
            arrival.lock()
            defer { arrival.unlock() }
            while true {
                let found = received.withLock { received -> [String]? in
                    var list = received.diagnostics[uri] ?? []
                    while !list.isEmpty {
                        let entry = list.removeFirst()
                        if (version == nil || entry.version == version) && accept(entry.codes) {
                            received.diagnostics[uri] = list
                            return entry.codes
                        }
                    }
                    received.diagnostics[uri] = []
                    return nil
                }
                if let found { return found }
                guard arrival.wait(until: deadline) else {
                    throw BenchFailure("no diagnostics for \(uri) version \(version.map(String.init) ?? "any") within \(timeout) s")
                }
            }
        }

        /// A `/proc/PID/status` field in kB.
        func memory(_ field: String) -> Int {
            guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else { return 0 }
            for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
                return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") ?? 0
            }
            return 0
        }

        /// The exit status once the server exits, or `nil` after `timeout` seconds.
        func waitForExit(timeout: Double) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return process.isRunning ? nil : process.terminationStatus
        }

        /// Ends the server if it still runs.
        func stop() {
            if process.isRunning { process.terminate() }
            try? toServer.fileHandleForWriting.close()
        }
    }
}
