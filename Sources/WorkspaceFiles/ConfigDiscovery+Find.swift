import Foundation
import PolicyConfig

extension ConfigDiscovery {
    /// Finds a project's pgpe.yaml by walking up the directory tree: the absolute path of the nearest `pgpe.yaml` (or `pgpe.yml`) in `directory` or one of
    /// its ancestors up to the filesystem root, or `nil` when there is none. A relative
    /// `directory` is taken relative to the working directory.
    public static func find(from directory: String) -> String? {
        let start = ConfigPath.absolute(directory, relativeTo: FileManager.default.currentDirectoryPath)
        var current = start
        while true {
            for name in fileNames {
                let candidate = ConfigPath.join(current, name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            let parent = ConfigPath.directory(of: current)
            if parent == current { return nil }
            current = parent
        }
    }
}
