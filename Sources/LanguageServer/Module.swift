/// The LanguageServer module.
enum LanguageServerModule {}
