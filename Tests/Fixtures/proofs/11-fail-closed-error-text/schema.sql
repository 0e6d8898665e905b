CREATE TABLE public.documents (
    id        uuid PRIMARY KEY,
    tenant_id text NOT NULL,
    title     text NOT NULL
);
