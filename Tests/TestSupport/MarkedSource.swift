/// Source text with numbered markers (`1️⃣`, `2️⃣`, …) removed and their byte offsets remembered,
/// so tests can say "a diagnostic at 1️⃣" next to the fixture text.
public struct MarkedSource {
    /// The text without markers.
    public let text: String
    /// Marker name (e.g. "1️⃣") to its UTF-8 offset in `text`.
    public let markers: [String: Int]

    private static let names = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// Strips the markers out of `marked`.
    public init(_ marked: String) {
        var text = ""
        var markers: [String: Int] = [:]
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for name in MarkedSource.names where rest.hasPrefix(name) {
                markers[name] = text.utf8.count
                rest = rest.dropFirst(name.count)
                continue outer
            }
            text.append(rest.removeFirst())
        }
        self.text = text
        self.markers = markers
    }

    /// The offset of `marker`; fails loudly when the fixture has no such marker.
    public subscript(_ marker: String) -> Int {
        guard let offset = markers[marker] else {
            fatalError("fixture has no marker \(marker)")
        }
        return offset
    }
}
