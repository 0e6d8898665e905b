CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.notes (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id  uuid NOT NULL,
    body      text NOT NULL
);

CREATE TABLE public.drafts (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    owner_id  uuid NOT NULL,
    body      text NOT NULL
);

CREATE TABLE public.teams (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    name      text NOT NULL
);
