/// What a finding about the schema around the policies (`sidechannel.*`, `performance.*`) is
/// about, so that an `accept:` entry of pgpe.yaml can name it and a baseline can recognize it
/// without its line (SPEC 11.8, 11.11).
public struct DiagnosticSubject: Hashable, Sendable {
    /// The object, schema-qualified: a view, function or table (`public.doc_titles`), a
    /// function with its argument types (`public.doc_count()`), or a table with the columns the
    /// finding is about (`public.docs(title)`).
    public var object: String
    /// The governed tables whose guarantee it concerns, schema-qualified (`public.docs`), sorted.
    public var tables: [String]

    /// Creates a subject.
    public init(object: String, tables: [String]) {
        self.object = object
        self.tables = tables
    }
}
