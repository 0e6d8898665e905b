/// The PolicyProofs module.
enum PolicyProofsModule {}
