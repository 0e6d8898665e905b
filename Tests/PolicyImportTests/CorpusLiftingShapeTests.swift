import PolicyConfig
import PolicyImport
import PolicySQL
import PolicySchema
import PolicySyntax
import Testing

/// Shapes the import corpus (Tests/Fixtures/import-corpus) found lifting kept raw without need,
/// as PostgreSQL prints them, each lifted and certified EQUIVALENT by `PolicyImporter`.
@Suite struct CorpusLiftingShapeTests {
    static let ddl = """
        CREATE SCHEMA forum;
        CREATE TYPE forum.visibility AS ENUM ('public', 'members', 'staff');
        CREATE TABLE forum.boards (id integer PRIMARY KEY, visibility forum.visibility NOT NULL);
        CREATE TABLE forum.threads (id integer PRIMARY KEY, author_id integer, locked boolean);
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
        CREATE TABLE "User" ("id" TEXT NOT NULL, "role" "Role" NOT NULL);
        CREATE TABLE "Post" ("id" SERIAL NOT NULL, "title" VARCHAR(255) NOT NULL);
        CREATE SCHEMA basejump;
        CREATE TYPE basejump.account_role AS ENUM ('owner', 'member');
        CREATE TABLE basejump.accounts (id uuid PRIMARY KEY, name text);
        CREATE FUNCTION basejump.has_role_on_account(account_id uuid, account_role basejump.account_role DEFAULT NULL)
            RETURNS boolean LANGUAGE sql SECURITY DEFINER AS $$ SELECT true $$;
        """

    /// Lifts `text` as the USING of a SELECT policy on `table` (`schema.name`), with `functions`
    /// already in the project (as `pgpe import` has them from the policies before).
    static func importUsing(_ text: String, on table: QualifiedName, functions: [FunctionDecl] = []) throws -> ImportedPolicy {
        let (schema, schemaDiagnostics) = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: ddl))
        #expect(schemaDiagnostics.isEmpty, "\(schemaDiagnostics)")
        var (config, _, diagnostics) = ConfigLoader.load(
            text: "naming: exact\nschemas: [public, forum, basejump]\n", path: "/corpus/pgpe.yaml", environment: [:])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        config.functions += functions
        let model = try #require(schema.table(table))
        let source = ExpectedPolicy(name: "p", permissive: true, command: "SELECT", roles: ["public"], using: text, check: nil)
        return PolicyImporter.importPolicy(source, context: LiftContext(table: model, schema: schema, config: config))
    }

    /// A constant cast to an enum of another schema, or to a quoted mixed-case enum, is a
    /// constant of the column's type (the forum's and the Prisma app's policies).
    @Test func constantsOfEnumsInOtherSchemasAndWithQuotedNames() throws {
        let board = try Self.importUsing(
            "((visibility = 'public'::forum.visibility) OR (visibility = 'members'::forum.visibility))",
            on: QualifiedName(schema: "forum", name: "boards"))
        #expect(board.using?.dsl == "CLAUSE col(visibility) = lit('public') OR CLAUSE col(visibility) = lit('members')")
        #expect(board.certificates.map(\.verdict) == [.equivalent], "\(board.certificates)")
        let user = try Self.importUsing("(role = 'ADMIN'::public.\"Role\")", on: QualifiedName(schema: "public", name: "User"))
        #expect(user.using?.dsl == "CLAUSE col(role) = lit('ADMIN')")
        #expect(user.certificates.map(\.verdict) == [.equivalent], "\(user.certificates)")
    }

    /// A SECURITY DEFINER helper with a defaulted enum argument, called with and without it
    /// (Basejump's has_role_on_account): one `functions:` entry whose last argument has a default.
    @Test func helperWithADefaultedEnumArgument() throws {
        let account = try Self.importUsing(
            "((basejump.has_role_on_account(id) = true) OR basejump.has_role_on_account(id, 'owner'::basejump.account_role))",
            on: QualifiedName(schema: "basejump", name: "accounts"))
        #expect(
            account.using?.dsl
                == "CLAUSE fn(has_role_on_account, [col(id)]) = lit(true) OR CLAUSE fn(has_role_on_account, [col(id), lit('owner')])")
        #expect(account.functions.map(\.signature) == ["basejump.has_role_on_account(uuid, basejump.account_role DEFAULT) returns boolean"])
        #expect(account.problems.isEmpty, "\(account.problems)")
        #expect(account.certificates.map(\.verdict) == [.equivalent], "\(account.certificates)")
    }

    /// The same helper called without its defaulted argument after a policy that passed it:
    /// the entry generated for the earlier policy is generated again with the default, instead
    /// of the call staying raw ("declared with other arguments").
    @Test func laterCallLeavingADefaultOut() throws {
        let schema = SQLSchemaReader.read(file: SourceFile(path: "schema.sql", text: Self.ddl)).0
        let signature = try #require(schema.functions.first { $0.name.name == "has_role_on_account" })
        let earlier = FunctionDecl(name: "has_role_on_account", arguments: signature.argumentTypes, returns: .boolean, schema: "basejump")
        let account = try Self.importUsing(
            "(basejump.has_role_on_account(id) = true)", on: QualifiedName(schema: "basejump", name: "accounts"), functions: [earlier])
        #expect(account.using?.dsl == "CLAUSE fn(has_role_on_account, [col(id)]) = lit(true)")
        #expect(account.functions.map(\.signature) == ["basejump.has_role_on_account(uuid, basejump.account_role DEFAULT) returns boolean"])
        #expect(account.certificates.map(\.verdict) == [.equivalent], "\(account.certificates) \(account.problems)")
    }

    /// `NOT c` of a boolean column (the forum's `WITH CHECK (… AND NOT locked)`) is
    /// `c = false`; NOT of anything else stays raw.
    @Test func notOfABooleanColumn() throws {
        let threads = QualifiedName(schema: "forum", name: "threads")
        let thread = try Self.importUsing("((author_id = 1) AND (NOT locked))", on: threads)
        #expect(thread.using?.dsl == "CLAUSE col(author_id) = lit(1) AND col(locked) = lit(false)")
        #expect(thread.certificates.map(\.verdict) == [.equivalent], "\(thread.certificates)")
        let other = try Self.importUsing("(NOT (author_id = 1))", on: threads)
        #expect(other.using?.dsl == "CLAUSE raw('NOT (author_id = 1)')")
        #expect(other.certificates.map(\.verdict) == [.raw], "\(other.certificates)")
    }
}
