/// The diagnostic catalogue: every diagnostic id pgpe can emit, and every rule its SARIF logs
/// name, with its default severity and a one-line explanation. SARIF rule metadata and
/// docs/diagnostics.md are generated from it.
public enum DiagnosticCatalog {
    /// The areas, in the order of the pipeline: reading files, checking, compiling, proving, and
    /// comparing with a live database.
    public static let areas: [DiagnosticArea] = [
        .syntax, .semantic, .config, .schema, .snapshot, .sqlExpression, .workspace, .compile, .proof, .performance, .database, .drift,
        .posture, .sideChannel,
    ]

    /// Every kind, area by area.
    public static let all: [DiagnosticKind] = areas.flatMap(\.kinds)

    private static let byID: [String: DiagnosticKind] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The kind with `id`, or nil when the catalogue has none.
    public static func kind(id: String) -> DiagnosticKind? {
        byID[id]
    }

    /// Where the catalogue is documented, relative to the repository root; each kind has an
    /// anchor named after its id.
    public static let documentPath = "docs/diagnostics.md"

    /// The project's home page (SARIF `informationUri`).
    public static let projectURL = "https://github.com/pgpe/pgpe"

    /// The documentation of the catalogue on the web, which `helpUri` of each SARIF rule points
    /// into.
    public static let documentURL = projectURL + "/blob/main/" + documentPath
}
