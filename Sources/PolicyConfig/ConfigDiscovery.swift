/// How a project's pgpe.yaml is named (SPEC 1.1). Finding it on disk is the edges' work
/// (`ConfigDiscovery.find(from:)` in WorkspaceFiles); this module reads no disk.
public enum ConfigDiscovery {
    /// The file names looked for in each directory, in order of preference.
    public static let fileNames = ["pgpe.yaml", "pgpe.yml"]
}
