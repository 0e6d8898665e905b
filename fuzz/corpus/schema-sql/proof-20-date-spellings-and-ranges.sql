-- Dates are compared as dates, not as text: '2024-9-15' is the date '2024-09-15' (the
-- literal is written canonically), and a range of dates holds every date in it. Both
-- clauses below share rows across tenants; both were once PROVEN. A date meets a timestamp
-- as its midnight, and 'infinity' is a value too.
CREATE TABLE public.events (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    starts    date NOT NULL,
    ends      date NOT NULL
);

CREATE TABLE public.logs (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    at        timestamptz NOT NULL
);

CREATE TABLE public.slots (
    id        uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    day       date NOT NULL,
    at        timestamp NOT NULL,
    until     timestamptz NOT NULL
);
