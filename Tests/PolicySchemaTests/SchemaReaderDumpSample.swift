/// A real `pg_dump --schema-only` text (PostgreSQL 15, of `SchemaReaderDumpTests.richSchema`,
/// comment lines removed): the second seed of the robustness test, usable without a server.
enum SchemaReaderDumpSample {
    /// The dump.
    static let text = #"""

        \restrict KEY

        SET statement_timeout = 0;
        SET lock_timeout = 0;
        SET idle_in_transaction_session_timeout = 0;
        SET client_encoding = 'UTF8';
        SET standard_conforming_strings = on;
        SELECT pg_catalog.set_config('search_path', '', false);
        SET check_function_bodies = false;
        SET xmloption = content;
        SET client_min_messages = warning;
        SET row_security = off;

        CREATE SCHEMA "Sales";

        ALTER SCHEMA "Sales" OWNER TO postgres;

        CREATE SCHEMA app;

        ALTER SCHEMA app OWNER TO postgres;

        CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;

        COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

        CREATE DOMAIN app.email AS public.citext
        	CONSTRAINT email_check CHECK ((VALUE OPERATOR(public.~~) '%@%'::public.citext));

        ALTER DOMAIN app.email OWNER TO postgres;

        CREATE TYPE app.mood AS ENUM (
            'happy',
            'sad'
        );

        ALTER TYPE app.mood OWNER TO postgres;

        CREATE TYPE public."Status" AS ENUM (
            'on',
            'off'
        );

        ALTER TYPE public."Status" OWNER TO postgres;

        CREATE FUNCTION app.account_ids(VARIADIC ids bigint[]) RETURNS SETOF bigint
            LANGUAGE sql
            AS $$SELECT unnest(ids)$$;

        ALTER FUNCTION app.account_ids(VARIADIC ids bigint[]) OWNER TO postgres;

        CREATE FUNCTION app.is_member(p_account bigint, p_org uuid DEFAULT NULL::uuid) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER
            AS $$ SELECT EXISTS (SELECT 1 FROM app.memberships m WHERE m.account_id = p_account AND m.org_id = p_org); $$;

        ALTER FUNCTION app.is_member(p_account bigint, p_org uuid) OWNER TO postgres;

        CREATE FUNCTION app.plus_one(a integer) RETURNS integer
            LANGUAGE sql
            BEGIN ATOMIC
         SELECT (a + 1);
        END;

        ALTER FUNCTION app.plus_one(a integer) OWNER TO postgres;

        CREATE FUNCTION app.split(whole text, OUT head text, OUT tail text) RETURNS record
            LANGUAGE sql
            AS $$ SELECT split_part(whole, ' ', 1), split_part(whole, ' ', 2) $$;

        ALTER FUNCTION app.split(whole text, OUT head text, OUT tail text) OWNER TO postgres;

        SET default_tablespace = '';

        SET default_table_access_method = heap;

        CREATE TABLE "Sales"."odd.name with space" (
            "Key" text,
            "Value" text
        );

        ALTER TABLE "Sales"."odd.name with space" OWNER TO postgres;

        CREATE TABLE app."Accounts" (
            "Id" bigint NOT NULL,
            "displayName" character varying(255) NOT NULL,
            created timestamp(3) with time zone DEFAULT now() NOT NULL,
            score double precision,
            ratio real,
            tags text[] DEFAULT '{}'::text[],
            nums integer[],
            span interval day to second,
            nick public.citext,
            mood app.mood,
            email app.email,
            status public."Status",
            amount numeric(12,2),
            "order" integer,
            CONSTRAINT "Accounts_amount_check" CHECK ((amount >= (0)::numeric))
        );

        ALTER TABLE app."Accounts" OWNER TO postgres;

        COMMENT ON TABLE app."Accounts" IS 'Customer accounts.
        @pgpe:tags pii, billing';

        ALTER TABLE app."Accounts" ALTER COLUMN "Id" ADD GENERATED ALWAYS AS IDENTITY (
            SEQUENCE NAME app."Accounts_Id_seq"
            START WITH 1
            INCREMENT BY 1
            NO MINVALUE
            NO MAXVALUE
            CACHE 1
        );

        CREATE TABLE app.parent (
            id integer NOT NULL,
            tenant uuid NOT NULL
        );

        ALTER TABLE app.parent OWNER TO postgres;

        CREATE TABLE app.child (
            extra integer
        )
        INHERITS (app.parent);

        ALTER TABLE app.child OWNER TO postgres;

        CREATE TABLE app.events (
            id integer NOT NULL,
            at date NOT NULL,
            account_id bigint,
            doubled integer GENERATED ALWAYS AS ((id * 2)) STORED
        )
        PARTITION BY RANGE (at);

        ALTER TABLE app.events OWNER TO postgres;

        CREATE TABLE app.events_2024 (
            id integer NOT NULL,
            at date NOT NULL,
            account_id bigint,
            doubled integer GENERATED ALWAYS AS ((id * 2)) STORED
        );

        ALTER TABLE app.events_2024 OWNER TO postgres;

        CREATE TABLE app.grants (
            id integer NOT NULL,
            account_id bigint,
            org_id uuid,
            code text
        );

        ALTER TABLE app.grants OWNER TO postgres;

        CREATE SEQUENCE app.grants_id_seq
            AS integer
            START WITH 1
            INCREMENT BY 1
            NO MINVALUE
            NO MAXVALUE
            CACHE 1;

        ALTER TABLE app.grants_id_seq OWNER TO postgres;

        ALTER SEQUENCE app.grants_id_seq OWNED BY app.grants.id;

        CREATE TABLE app.memberships (
            account_id bigint NOT NULL,
            org_id uuid NOT NULL,
            role text DEFAULT 'member'::text NOT NULL
        );

        ALTER TABLE app.memberships OWNER TO postgres;

        COMMENT ON TABLE app.memberships IS 'who belongs where; @pgpe:tags tenancy';

        ALTER TABLE ONLY app.events ATTACH PARTITION app.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

        ALTER TABLE ONLY app.grants ALTER COLUMN id SET DEFAULT nextval('app.grants_id_seq'::regclass);

        ALTER TABLE ONLY "Sales"."odd.name with space"
            ADD CONSTRAINT "odd.name with space_Key_Value_key" UNIQUE ("Key", "Value");

        ALTER TABLE ONLY app."Accounts"
            ADD CONSTRAINT "Accounts_pkey" PRIMARY KEY ("Id");

        ALTER TABLE ONLY app.events
            ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);

        ALTER TABLE ONLY app.events_2024
            ADD CONSTRAINT events_2024_pkey PRIMARY KEY (id, at);

        ALTER TABLE ONLY app.grants
            ADD CONSTRAINT grants_code_key UNIQUE NULLS NOT DISTINCT (code);

        ALTER TABLE ONLY app.grants
            ADD CONSTRAINT grants_pkey PRIMARY KEY (id);

        ALTER TABLE ONLY app.memberships
            ADD CONSTRAINT memberships_pkey PRIMARY KEY (account_id, org_id);

        ALTER TABLE ONLY app.parent
            ADD CONSTRAINT parent_pkey PRIMARY KEY (id);

        CREATE UNIQUE INDEX accounts_lower_idx ON app."Accounts" USING btree (lower(("displayName")::text));

        CREATE UNIQUE INDEX accounts_name_idx ON app."Accounts" USING btree ("displayName");

        CREATE UNIQUE INDEX grants_partial_idx ON app.grants USING btree (account_id) WHERE (org_id IS NULL);

        ALTER INDEX app.events_pkey ATTACH PARTITION app.events_2024_pkey;

        ALTER TABLE app.events
            ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES app."Accounts"("Id");

        ALTER TABLE ONLY app.grants
            ADD CONSTRAINT grants_membership_fk FOREIGN KEY (account_id, org_id) REFERENCES app.memberships(account_id, org_id) ON DELETE CASCADE;

        ALTER TABLE ONLY app.memberships
            ADD CONSTRAINT memberships_account_id_fkey FOREIGN KEY (account_id) REFERENCES app."Accounts"("Id");

        \unrestrict KEY
        """#
}
