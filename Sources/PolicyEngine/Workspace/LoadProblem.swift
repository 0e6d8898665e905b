/// What the edge could not read of a project; the workspace reports it as a diagnostic (at
/// the top of pgpe.yaml, or of the project's directory when there is none).
public enum LoadProblem: Sendable, Equatable {
    /// pgpe.yaml could not be read (the defaults are used).
    case config(String)
    /// The schema file could not be read (only schema-free checks run).
    case schema(String)
    /// A policy path could not be read.
    case policies(String)
}
