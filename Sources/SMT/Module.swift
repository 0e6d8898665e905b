/// The SMT module.
enum SMTModule {}
