CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.projects (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    name      text NOT NULL
);

CREATE TABLE public.tasks (
    id         uuid PRIMARY KEY,
    project_id uuid NOT NULL REFERENCES public.projects (id),
    title      text NOT NULL
);

CREATE TABLE public.comments (
    id      uuid PRIMARY KEY,
    task_id uuid NOT NULL REFERENCES public.tasks (id),
    body    text NOT NULL
);
