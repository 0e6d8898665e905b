import Foundation
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// The diagnostic catalogue: ids unique and grouped by area, severities and their exceptions, and
/// docs/diagnostics.md generated from it.
@Suite struct DiagnosticCatalogTests {
    @Test func idsAreUniqueAndShareTheirAreasPrefix() {
        var seen = Set<String>()
        for kind in DiagnosticCatalog.all {
            #expect(seen.insert(kind.id).inserted, "\(kind.id) is in the catalogue twice")
            #expect(DiagnosticCatalog.kind(id: kind.id) == kind)
        }
        #expect(Set(DiagnosticCatalog.areas.map(\.prefix)).count == DiagnosticCatalog.areas.count)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        for area in DiagnosticCatalog.areas {
            #expect(!area.kinds.isEmpty, "area \(area.prefix) has no kinds")
            for kind in area.kinds {
                #expect(kind.id.hasPrefix(area.prefix + "."), "\(kind.id) is listed under \(area.prefix)")
                #expect(kind.area == area.prefix)
                let name = kind.id.dropFirst(area.prefix.count + 1)
                #expect(!name.isEmpty && name.allSatisfy(allowed.contains), "\(kind.id) is not area.lower-case-name")
            }
        }
        #expect(DiagnosticCatalog.kind(id: "semantic.no-such-thing") == nil)
    }

    @Test func everyKindIsExplainedOnOneLine() {
        for kind in DiagnosticCatalog.all {
            #expect(kind.summary.count >= 20, "\(kind.id) has no real explanation")
            #expect(!kind.summary.contains("\n"), "\(kind.id)'s explanation is not one line")
            for exception in kind.exceptions {
                #expect(exception.severity != kind.severity, "\(kind.id) lists its default severity as an exception")
                #expect(!exception.when.isEmpty)
            }
            #expect(kind.severities.first == kind.severity)
        }
    }

    @Test func aDiagnosticLeavesItsDefaultSeverityOnlyThroughADocumentedException() {
        let location = FileLocation(file: "a.policy", range: SourceRange(start: 0, end: 1))
        let plain = Diagnostic(.semanticNullInList, message: "m", location: location)
        #expect(plain.severity == .error)
        let excepted = Diagnostic(.semanticNullInList, exception: .nullInList, message: "m", location: location)
        #expect(excepted.severity == .warning)
        #expect(DiagnosticKind.semanticNullInList.exceptions == [.nullInList])
        #expect(DiagnosticKind.configInvalidValue.exceptions == [.singleSeparateRole])
        #expect(excepted.shifted(by: 3, in: "a.policy").severity == .warning)
        #expect(excepted.id == "semantic.null-in-list")
    }

    /// The findings `accept:` may accept (every kind of the side-channel and performance areas,
    /// those to come too) document that an accepted one is information; no other kind does.
    @Test func everyAcceptableKindDocumentsThatAnAcceptedOneIsInformation() throws {
        let acceptable = DiagnosticCatalog.all.filter(\.isAcceptable)
        #expect(Set(acceptable.map(\.area)) == ["sidechannel", "performance"])
        for kind in acceptable {
            #expect(kind.exceptions.contains(.accepted) == (kind.severity > .info), "\(kind)")
        }
        #expect(!DiagnosticCatalog.all.contains { !$0.isAcceptable && $0.exceptions.contains(.accepted) })
        let location = FileLocation(file: "schema.sql", range: SourceRange(start: 0, end: 1))
        let acceptance = DiagnosticAcceptance(reason: "by design", location: FileLocation(file: "pgpe.yaml", range: .empty(at: 3)))
        let finding = Diagnostic(
            .sideChannelViewDefiner, message: "view v", location: location,
            subject: DiagnosticSubject(object: "public.v", tables: ["public.t"]))
        #expect(finding.isAcceptable && finding.severity == .warning)
        let accepted = finding.accepted(by: acceptance)
        #expect(accepted.severity == .info && !accepted.isAcceptable && accepted.acceptance == acceptance)
        #expect(accepted.message == "accepted (by design): view v" && accepted.notes.last?.location == acceptance.location)
        #expect(accepted.subject == finding.subject && accepted.id == finding.id)
        #expect(accepted.shifted(by: 2, in: "pgpe.yaml").acceptance?.location.range == .empty(at: 5))
        let info = Diagnostic(.sideChannelUniqueWithoutKey, message: "u", location: location).accepted(by: acceptance)
        #expect(info.severity == .info)
        #expect(!Diagnostic(.semanticNullInList, message: "m", location: location).isAcceptable)
    }

    @Test func helpLinksPointAtTheDocumentedAnchors() {
        let markdown = DiagnosticCatalog.markdown
        for kind in DiagnosticCatalog.all {
            #expect(kind.helpURI == "https://github.com/pgpe/pgpe/blob/main/docs/diagnostics.md#\(kind.id)")
            #expect(markdown.contains("<a id=\"\(kind.anchor)\"></a>`\(kind.id)` | \(kind.severity.rawValue) |"))
        }
    }

    /// docs/diagnostics.md is the catalogue rendered; `PGPE_UPDATE_GOLDEN=1` rewrites it.
    @Test func documentationIsGeneratedFromTheCatalogue() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent(DiagnosticCatalog.documentPath)
        let difference = try GoldenFile.compare(DiagnosticCatalog.markdown, with: url)
        #expect(difference == nil, "\(difference ?? ""); regenerate it with \(DiagnosticCatalog.regenerateCommand)")
        #expect(DiagnosticCatalog.markdown.contains(DiagnosticCatalog.regenerateCommand))
    }
}
