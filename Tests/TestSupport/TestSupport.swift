/// Shared test helpers.
public enum TestSupportModule {}
