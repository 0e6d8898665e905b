-- Roles reached only through a traversal: tasks' policies name no role, but they see tasks
-- through projects, whose own RLS lets pgpe_cat_support read the public projects of every
-- tenant. pgpe_cat_agent is a member of pgpe_cat_support and so has its policies too.
-- (Role statements stay on one line each: the database tests create the roles themselves.)
CREATE ROLE pgpe_cat_support NOLOGIN;
CREATE ROLE pgpe_cat_agent NOLOGIN IN ROLE pgpe_cat_support;

CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.projects (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    is_public boolean NOT NULL DEFAULT false,
    archived  boolean NOT NULL DEFAULT false
);

CREATE TABLE public.tasks (
    id         uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES public.projects (id),
    title      text NOT NULL
);
