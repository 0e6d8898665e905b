import ArgumentParser

/// `pgpe diff --fail-on`: which changes make the command exit 1.
enum DiffGate: String, ExpressibleByArgument, CaseIterable {
    /// Any access added: a "no new access" gate for CI.
    case newAccess = "new-access"
}
