-- A SaaS template's account layer (in the style of Basejump): accounts in their own schema,
-- memberships with an enum role, and SECURITY DEFINER helpers the policies call.
CREATE SCHEMA IF NOT EXISTS auth;
CREATE TABLE IF NOT EXISTS auth.users (id uuid PRIMARY KEY, email text);
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid $$;
GRANT USAGE ON SCHEMA auth TO authenticated;

CREATE SCHEMA basejump;
GRANT USAGE ON SCHEMA basejump TO authenticated;

CREATE TYPE basejump.account_role AS ENUM ('owner', 'member');

CREATE TABLE basejump.accounts (
    id uuid PRIMARY KEY,
    primary_owner_user_id uuid NOT NULL REFERENCES auth.users,
    name text,
    slug text UNIQUE,
    personal_account boolean NOT NULL DEFAULT false
);

CREATE TABLE basejump.account_user (
    user_id uuid NOT NULL REFERENCES auth.users ON DELETE CASCADE,
    account_id uuid NOT NULL REFERENCES basejump.accounts ON DELETE CASCADE,
    account_role basejump.account_role NOT NULL,
    CONSTRAINT account_user_pkey PRIMARY KEY (user_id, account_id)
);
