import Testing

/// The tests of the SMT module, run one at a time: several measure time or memory.
@Suite(.serialized)
struct SMTTests {}
