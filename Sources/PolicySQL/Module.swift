/// The PolicySQL module.
enum PolicySQLModule {}
