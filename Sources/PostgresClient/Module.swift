/// The PostgresClient module.
enum PostgresClientModule {}
