import Foundation
import PolicySchema
import PolicySyntax
import Testing

/// A large generated schema reads completely and in linear time.
@Suite struct SchemaReaderPerformanceTests {
    /// A pg_dump-shaped schema of `count` tables with foreign keys between them.
    static func generatedSchema(tables count: Int) -> String {
        var sql = "SELECT pg_catalog.set_config('search_path', '', false);\n"
        for index in 0..<count {
            sql += """
                CREATE TABLE public.table_\(index) (
                    id uuid NOT NULL,
                    tenant_id uuid NOT NULL,
                    parent_id uuid,
                    name character varying(200) NOT NULL,
                    created_at timestamp with time zone DEFAULT now() NOT NULL,
                    amount numeric(12,2) DEFAULT 0 NOT NULL,
                    tags text[] DEFAULT '{}'::text[],
                    is_deleted boolean DEFAULT false NOT NULL
                );
                ALTER TABLE public.table_\(index) OWNER TO app;
                COMMENT ON TABLE public.table_\(index) IS 'table \(index) @pgpe:tags t\(index % 5)';

                """
        }
        for index in 0..<count {
            sql += "ALTER TABLE ONLY public.table_\(index)\n    ADD CONSTRAINT table_\(index)_pkey PRIMARY KEY (id);\n"
        }
        for index in 1..<count {
            sql +=
                "ALTER TABLE ONLY public.table_\(index)\n    ADD CONSTRAINT table_\(index)_parent_id_fkey "
                + "FOREIGN KEY (parent_id) REFERENCES public.table_\(index - 1)(id);\n"
        }
        return sql
    }

    @Test func twoHundredTablesReadCompletelyAndQuickly() throws {
        let file = SourceFile(path: "big.sql", text: Self.generatedSchema(tables: 200))
        // Warm up once, then time the best of a few runs.
        _ = SQLSchemaReader.read(file: file)
        var best = Double.infinity
        var model = SchemaModel.empty
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let (read, diagnostics) = SQLSchemaReader.read(file: file)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            #expect(diagnostics.isEmpty)
            model = read
        }
        #expect(model.tables.count == 200)
        #expect(model.tables.allSatisfy { $0.primaryKey == ["id"] && $0.columns.count == 8 && $0.owner == "app" })
        #expect(model.tables.reduce(0) { $0 + $1.foreignKeys.count } == 199)
        // Release builds read this in about a millisecond; the bound only catches super-linear
        // behaviour in a debug build on a busy machine.
        #expect(best < 1_000, "reading 200 tables took \(best) ms")
    }
}
