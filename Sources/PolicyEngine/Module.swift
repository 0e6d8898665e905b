/// The PolicyEngine module.
enum PolicyEngineModule {}
