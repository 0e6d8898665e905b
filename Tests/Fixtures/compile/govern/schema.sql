CREATE TABLE public.audit_log (
    id integer PRIMARY KEY,
    entry text
);

CREATE TABLE public.service_keys (
    id integer PRIMARY KEY,
    secret text NOT NULL
);

CREATE TABLE public.notes (
    id integer PRIMARY KEY,
    tenant_id uuid NOT NULL,
    body text
);
