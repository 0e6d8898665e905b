/// How compiled policies are named (`naming:` in pgpe.yaml, SPEC 11.4).
public enum PolicyNamingMode: String, Hashable, Sendable, CaseIterable {
    /// `<policy>_<table>[_<command>]`, lower case (v1, the default).
    case suffixed
    /// The policy's name as written (a quoted name keeps its case, spaces and punctuation);
    /// `<name>_<command>` for a policy with two or three commands.
    case exact
}
