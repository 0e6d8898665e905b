/// The PolicySyntax module.
enum PolicySyntaxModule {}
