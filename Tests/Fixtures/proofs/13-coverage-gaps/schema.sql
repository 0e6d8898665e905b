CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.audit_log (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    message   text NOT NULL
);

CREATE TABLE public.settings (
    key   text PRIMARY KEY,
    value text
);
