CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    AS $$ SELECT true $$;

CREATE TABLE public.projects (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    name      text NOT NULL
);
