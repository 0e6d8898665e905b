import PolicyDatabase
import PolicySyntax
import Testing

/// Drift types and posture findings are the `drift.*` and `posture.*` kinds of the diagnostic
/// catalogue, with SARIF levels that follow their SPEC 8 severities.
@Suite struct DriftKindTests {
    @Test func everyDriftTypeIsACatalogueKindWithItsSeverity() {
        let drift = DiagnosticCatalog.areas.first { $0.prefix == "drift" }
        #expect(DriftType.allCases.map(\.diagnosticKind) == drift?.kinds)
        for type in DriftType.allCases {
            #expect(type.diagnosticKind.id == "drift.\(type.rawValue)")
            let level: Severity = type.severity == .info ? .info : type.severity == .warning ? .warning : .error
            #expect(type.diagnosticKind.severity == level, "\(type)")
        }
    }

    @Test func everyPostureKindIsACatalogueKind() {
        let kinds = PostureFinding.Kind.allCases
        let posture = DiagnosticCatalog.areas.first { $0.prefix == "posture" }
        #expect(kinds.map(\.diagnosticKind) == posture?.kinds)
        for kind in kinds {
            #expect(kind.diagnosticKind.id == "posture.\(kind.rawValue)")
            #expect(kind.diagnosticKind.severity == .warning)
        }
    }
}
