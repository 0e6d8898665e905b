-- A Supabase-style auth schema stub: the functions read request.jwt.claims as PostgREST sets it.
CREATE SCHEMA auth;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role' $$;

CREATE TABLE public.notes (
    id         uuid PRIMARY KEY,
    owner_id   uuid,
    org_id     uuid,
    tenant_id  uuid,
    owner_name text,
    role_name  varchar(20),
    level      bigint
);
