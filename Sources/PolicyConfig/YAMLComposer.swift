import Foundation
import PolicySyntax
import Yams

/// Composes pgpe.yaml with Yams, turning every YAML error into one located diagnostic.
///
/// Yams refuses a document with duplicate keys outright, naming only the first occurrence.
/// To report the later occurrences (where the mistake usually is) and still read the rest
/// of the file, the occurrence Yams names is replaced by a placeholder of the same bytes and
/// columns and the text is composed again, until it composes; placeholders are then mapped
/// back to the real keys, and in each mapping every key after the first with its name is
/// reported and ignored.
enum YAMLComposer {
    /// How many duplicate keys are recovered from (one composition each) before giving up on
    /// the document.
    private static let maximumRecoveries = 64

    /// How many nodes the search for duplicates visits at most (aliases can make trees huge).
    private static let maximumVisitedNodes = 100_000

    /// Composes `file`, whose bytes `source` describes.
    static func compose(_ file: SourceFile, source: YAMLSource) -> YAMLComposition {
        var bytes = file.bytes
        var restored: [Int: (name: String, range: SourceRange)] = [:]
        for recovery in 0...maximumRecoveries {
            // libYAML would count a leading byte order mark as indentation; YAMLSource counts
            // line 1 from after it.
            let text = String(decoding: bytes[source.byteOrderMarkLength...], as: UTF8.self)
            do {
                let root = try Yams.compose(yaml: text, .default, .default, .utf8)
                var composition = YAMLComposition(root: root, diagnostics: [], restoredKeys: restored, ignoredKeys: [])
                if let root {
                    reportDuplicates(in: root, source: source, file: file, into: &composition)
                }
                return composition
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let offset = source.offset(of: context.mark)
                let name = duplicates.first ?? ""
                let span = maskableSpan(of: name, at: offset, in: bytes, source: source)
                guard recovery < maximumRecoveries, let span, restored[offset] == nil else {
                    let range = span ?? .empty(at: offset)
                    let diagnostic = Diagnostic(
                        .configDuplicateKey,
                        message: "duplicate key '\(name)'",
                        location: FileLocation(file: file.path, range: range))
                    return YAMLComposition(root: nil, diagnostics: [diagnostic], restoredKeys: [:], ignoredKeys: [])
                }
                let placeholder = placeholder(length: span.length, recovery: recovery)
                bytes.replaceSubrange(span.start..<span.end, with: placeholder)
                restored[offset] = (name, span)
            } catch {
                let diagnostic = syntaxDiagnostic(for: error, file: file, source: source)
                return YAMLComposition(root: nil, diagnostics: [diagnostic], restoredKeys: [:], ignoredKeys: [])
            }
        }
        return YAMLComposition(root: nil, diagnostics: [], restoredKeys: [:], ignoredKeys: [])
    }

    // MARK: - Duplicates

    /// The bytes of the key `name` written at `offset`, when they can be swapped for an ASCII
    /// placeholder without moving any later column: a plain or quoted key on one line, all
    /// ASCII.
    private static func maskableSpan(of name: String, at offset: Int, in bytes: [UInt8], source: YAMLSource) -> SourceRange? {
        guard !name.isEmpty, offset < bytes.count else { return nil }
        var end = offset
        let first = bytes[offset]
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            end = source.quotedEnd(from: offset, quote: first)
            guard end <= source.contentEnd(ofLineStartingAt: offset), bytes[end - 1] == first, end - offset >= 2 else {
                return nil
            }
        } else {
            let utf8 = Array(name.utf8)
            guard offset + utf8.count <= bytes.count, bytes[offset..<(offset + utf8.count)].elementsEqual(utf8) else {
                return nil
            }
            end = offset + utf8.count
        }
        guard bytes[offset..<end].allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return SourceRange(start: offset, end: end)
    }

    /// Letters only (always a plain string key), different for each recovery.
    private static func placeholder(length: Int, recovery: Int) -> [UInt8] {
        let letters = Array("QXZJKVWY".utf8)
        var result: [UInt8] = []
        var seed = recovery
        for index in 0..<length {
            result.append(letters[(seed + index) % letters.count])
            seed = seed / letters.count
        }
        return result
    }

    /// Reports, in every mapping, each key whose name (masked keys count under their real
    /// name) an earlier key of the same mapping already has, and marks it ignored.
    private static func reportDuplicates(in root: Node, source: YAMLSource, file: SourceFile, into composition: inout YAMLComposition) {
        guard !composition.restoredKeys.isEmpty else { return }
        var pending = [root]
        var visited = 0
        while let node = pending.popLast(), visited < maximumVisitedNodes {
            visited += 1
            switch node {
            case .mapping(let mapping):
                var first: [String: SourceRange] = [:]
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                    guard let scalar = key.scalar else { continue }
                    let restored = composition.restoredKeys[source.start(of: key)]
                    let name = restored?.name ?? scalar.string
                    let range = restored?.range ?? source.range(of: key)
                    guard let firstRange = first[name] else {
                        first[name] = range
                        continue
                    }
                    composition.ignoredKeys.insert(range.start)
                    composition.diagnostics.append(
                        Diagnostic(
                            .configDuplicateKey,
                            message: "duplicate key '\(name)'",
                            location: FileLocation(file: file.path, range: range),
                            notes: [
                                DiagnosticNote(
                                    message: "'\(name)' is first defined here",
                                    location: FileLocation(file: file.path, range: firstRange))
                            ]))
                }
            case .sequence(let sequence):
                pending += sequence
            case .scalar, .alias:
                break
            }
        }
        composition.diagnostics.sort { $0.range < $1.range }
    }

    // MARK: - Syntax errors

    /// One diagnostic for a Yams error, at the position Yams reports.
    private static func syntaxDiagnostic(for error: Error, file: SourceFile, source: YAMLSource) -> Diagnostic {
        var offset = 0
        var message = "invalid yaml"
        var notes: [DiagnosticNote] = []
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            offset = source.offset(of: mark)
            message = "invalid yaml: \(problem)"
            if let context {
                message += " \(context.text)"
                let contextOffset = source.offset(of: context.mark)
                if contextOffset != offset {
                    notes.append(
                        DiagnosticNote(
                            message: context.text,
                            location: FileLocation(file: file.path, range: characterRange(at: contextOffset, in: source))))
                }
            }
        case YamlError.reader(let problem, let characterOffset, _, _):
            message = "invalid yaml: \(problem)"
            if let disallowed = source.firstDisallowedCharacter() {
                offset = disallowed
            } else if let characterOffset {
                let parsed = String(decoding: file.bytes[source.byteOrderMarkLength...], as: UTF8.self)
                offset = source.byteOrderMarkLength + parsed.prefix(max(0, characterOffset)).utf8.count
            }
        default:
            break
        }
        let lineStart = source.lineStart(containing: offset)
        let line = String(decoding: source.bytes[lineStart..<source.contentEnd(ofLineStartingAt: lineStart)], as: UTF8.self)
        let outsideReferences = line.replacingOccurrences(of: "${", with: "")
        if line.contains("${"), outsideReferences.contains("[") || outsideReferences.contains("{") {
            message += "; inside [ ] and { }, quote values that use ${VAR}"
        }
        return Diagnostic(
            .configInvalidYAML, message: message,
            location: FileLocation(file: file.path, range: characterRange(at: offset, in: source)),
            notes: notes)
    }

    /// The one character at `offset` (empty at the end of the text or of a line).
    private static func characterRange(at offset: Int, in source: YAMLSource) -> SourceRange {
        let bytes = source.bytes
        guard offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D else {
            return .empty(at: min(offset, bytes.count))
        }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceRange(start: offset, end: end)
    }
}
