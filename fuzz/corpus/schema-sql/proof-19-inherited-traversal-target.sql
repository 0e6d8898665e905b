-- A traversal into a table that others inherit from: a query of projects also returns the
-- rows of archived_projects, whose ids need not differ from those of projects. A tenant can
-- add an archived project with another tenant's project id, and that tenant's tasks then
-- become visible to it through the traversal.
CREATE TABLE public.projects (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL
);

CREATE TABLE public.archived_projects (
    archived_at date
) INHERITS (public.projects);

CREATE TABLE public.tasks (
    id         uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES public.projects (id),
    title      text NOT NULL
);
