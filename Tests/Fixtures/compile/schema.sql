-- Schema shared by the compiler golden cases. Loaded into a fresh database before each
-- golden's SQL is executed, so every statement must be valid PostgreSQL.
CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.users (
    id             uuid PRIMARY KEY,
    tenant_id      uuid NOT NULL REFERENCES public.tenants (id),
    email          text NOT NULL,
    level          integer,
    "Display Name" text
);

CREATE TABLE public.projects (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES public.tenants (id),
    owner_id   uuid REFERENCES public.users (id),
    name       text NOT NULL,
    is_deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE public.tasks (
    id         uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES public.projects (id),
    title      text NOT NULL,
    priority   integer
);

CREATE TABLE public.documents (
    id         uuid PRIMARY KEY,
    task_id    uuid NOT NULL REFERENCES public.tasks (id),
    kind       text,
    size       bigint,
    created_at timestamptz,
    tags       integer[]
);

CREATE TABLE public."Audit Log" (
    id        bigint PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    "user"    text,
    note      text
);

CREATE TABLE public.a_table_with_a_rather_long_name_for_testing_truncation (
    id        bigint PRIMARY KEY,
    tenant_id uuid NOT NULL
);

CREATE FUNCTION public.is_member(user_id uuid, tenant_id uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    AS $$ SELECT user_id IS NOT NULL AND tenant_id IS NOT NULL $$;

CREATE FUNCTION public.in_set(v bigint, s bigint[]) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT v = ANY (s) $$;
