-- Functions of SPEC 11.2: a membership check over a role enum with a default argument
-- (SECURITY DEFINER, as Supabase projects write them), a stable zero-argument function, a
-- volatile one, and one of a column.
CREATE SCHEMA app;
CREATE TYPE app.role AS ENUM ('viewer', 'editor', 'owner');

CREATE TABLE app.members (
    account_id uuid NOT NULL,
    user_id    uuid NOT NULL,
    role       app.role NOT NULL,
    PRIMARY KEY (account_id, user_id)
);

CREATE TABLE public.documents (
    id         integer PRIMARY KEY,
    account_id uuid NOT NULL,
    min_role   app.role NOT NULL DEFAULT 'viewer',
    draw       integer
);

-- Whether the session's user has at least `at_least` in `account`.
CREATE FUNCTION app.has_role(account uuid, at_least app.role DEFAULT 'viewer') RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT EXISTS (SELECT 1 FROM app.members m
                         WHERE m.account_id = account
                           AND m.user_id = nullif(current_setting('app.user_id', true), '')::uuid
                           AND m.role >= at_least) $$;
CREATE FUNCTION app.current_account() RETURNS uuid LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.account_id', true), '')::uuid $$;
CREATE FUNCTION public.dice() RETURNS integer LANGUAGE sql VOLATILE
    AS $$ SELECT floor(random() * 6)::integer + 1 $$;
CREATE FUNCTION app.role_of(account uuid) RETURNS app.role LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
    AS $$ SELECT m.role FROM app.members m
          WHERE m.account_id = account AND m.user_id = nullif(current_setting('app.user_id', true), '')::uuid $$;
