import ArgumentParser

/// `pgpe diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// A summary for a pull-request comment (CommonMark with tables).
    case markdown
    /// GitHub Actions workflow commands: an annotation per added, removed or unknown access.
    case github
    /// JUnit XML: a test case per table × command × role × side, failing on added access.
    case junit
}
