CREATE TABLE public.tenants (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.accounts (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES public.tenants (id),
    name      text NOT NULL
);

CREATE TABLE public.invoices (
    id         uuid PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES public.accounts (id),
    amount     integer NOT NULL
);
