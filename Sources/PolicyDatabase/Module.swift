/// The PolicyDatabase module.
enum PolicyDatabaseModule {}
