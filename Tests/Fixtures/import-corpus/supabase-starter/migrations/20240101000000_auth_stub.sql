-- The parts of Supabase's `auth` schema the policies use, stubbed so that the project runs on
-- plain PostgreSQL. PostgREST puts the request's JWT claims into request.jwt.claims; the roles
-- anon and authenticated are the platform's (created by the test harness, as Supabase does).
CREATE SCHEMA IF NOT EXISTS auth;

CREATE TABLE auth.users (
    id    uuid PRIMARY KEY,
    email text
);

CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE
    AS $$ SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb $$;

CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT nullif(auth.jwt() ->> 'sub', '')::uuid $$;

CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT auth.jwt() ->> 'role' $$;

GRANT USAGE ON SCHEMA auth TO anon, authenticated;
