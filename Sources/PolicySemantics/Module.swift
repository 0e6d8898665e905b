/// The PolicySemantics module.
enum PolicySemanticsModule {}
