-- A Supabase-style project: the `auth` schema Supabase provides (stubbed here so that the
-- example runs on plain PostgreSQL), user profiles, organizations with memberships, their
-- documents and stored files, and an audit log that only the service role writes.

-- The roles PostgREST switches to: anon (no JWT), authenticated (a signed-in user), and
-- service_role (the server's key; it bypasses RLS, as Supabase creates it).
CREATE ROLE anon NOLOGIN;
CREATE ROLE authenticated NOLOGIN;
CREATE ROLE service_role NOLOGIN BYPASSRLS;

-- The auth schema stub. PostgREST puts the request's JWT claims into the transaction-local
-- setting request.jwt.claims; Supabase's auth.uid(), auth.role() and auth.jwt() read them.
CREATE SCHEMA auth;

CREATE TABLE auth.users (
    id    uuid PRIMARY KEY,
    email text
);

CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb $$;
CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role' $$;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;

-- One profile per auth user, with the same id.
CREATE TABLE public.profiles (
    id           uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    display_name text NOT NULL,
    avatar_path  text,
    is_public    boolean NOT NULL DEFAULT false
);

CREATE TABLE public.organizations (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    slug       text NOT NULL UNIQUE,
    created_by uuid NOT NULL REFERENCES auth.users (id)
);

CREATE TYPE public.member_role AS ENUM ('owner', 'admin', 'member');

CREATE TABLE public.memberships (
    org_id  uuid NOT NULL REFERENCES public.organizations (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    role    public.member_role NOT NULL DEFAULT 'member',
    PRIMARY KEY (org_id, user_id)
);

CREATE TABLE public.documents (
    id         uuid PRIMARY KEY,
    org_id     uuid NOT NULL REFERENCES public.organizations (id) ON DELETE CASCADE,
    owner_id   uuid NOT NULL REFERENCES auth.users (id),
    title      text NOT NULL,
    body       text,
    is_public  boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Files, laid out like Supabase Storage's storage.objects: a bucket, a path whose first
-- folder is the organization (`<org id>/<file>`), and the uploading user.
CREATE TABLE public.storage_objects (
    id        uuid PRIMARY KEY,
    bucket_id text NOT NULL,
    name      text NOT NULL,
    org_id    uuid NOT NULL REFERENCES public.organizations (id) ON DELETE CASCADE,
    owner     uuid REFERENCES auth.users (id),
    metadata  jsonb,
    CONSTRAINT storage_objects_org_path CHECK (split_part(name, '/', 1) = org_id::text)
);

-- Written by the server (service_role) only: no signed-in user reads or writes it.
CREATE TABLE public.audit_log (
    id         bigint PRIMARY KEY,
    org_id     uuid REFERENCES public.organizations (id),
    actor_id   uuid,
    action     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Does the signed-in user hold at least `min_role` in `org` (by default: are they a member)?
-- The enum's order is owner, admin, member, so "at least" is `<=`. SECURITY DEFINER: they read
-- memberships as their owner, past memberships' own RLS (a policy on memberships that asked
-- memberships again would recurse).
CREATE FUNCTION public.has_role(org uuid, min_role public.member_role DEFAULT 'member') RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT EXISTS (SELECT 1 FROM public.memberships m
                         WHERE m.org_id = org AND m.user_id = auth.uid() AND m.role <= min_role) $$;

-- The columns the policies filter on (pgpe analyze's performance.missing-index).
CREATE INDEX documents_org_id_idx ON public.documents (org_id);
CREATE INDEX documents_owner_id_idx ON public.documents (owner_id);
CREATE INDEX storage_objects_org_id_idx ON public.storage_objects (org_id);
CREATE INDEX storage_objects_owner_idx ON public.storage_objects (owner);
CREATE INDEX organizations_created_by_idx ON public.organizations (created_by);
CREATE INDEX memberships_user_id_idx ON public.memberships (user_id);
