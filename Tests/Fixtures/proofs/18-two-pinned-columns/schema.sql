-- Each clause pins the tenant key, but to a different column: a row owned by A and shared
-- with B passes both sessions' checks. (The isolation shortcut once took "every clause pins
-- the key" for "isolated".)
CREATE TABLE public.docs (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    shared_with uuid,
    n           integer
);

CREATE TABLE public.notes (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL,
    shared_with uuid,
    n           integer
);
