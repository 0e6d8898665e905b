CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    min_role text NOT NULL
);

-- Columns named like the source's (id, min_role): the source's must be qualified.
CREATE TABLE public.members (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES public.accounts (id),
    user_id uuid NOT NULL,
    role text NOT NULL,
    min_role text
);

CREATE TABLE public.grants (
    member_id integer NOT NULL REFERENCES public.members (id),
    scope text NOT NULL
);
