CREATE TABLE public.grands (
    id        uuid PRIMARY KEY,
    tenant_id uuid,
    code      text
);

CREATE TABLE public.parents (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    grand_id  uuid REFERENCES public.grands (id),
    kind      text,
    level     integer
);

CREATE TABLE public.items (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    owner_id  uuid,
    parent_id uuid REFERENCES public.parents (id),
    name      text NOT NULL,
    status    text,
    age       integer,
    score     numeric,
    active    boolean NOT NULL,
    flag      boolean,
    ends_at   timestamptz
);
