-- A text tenant column with a case-insensitive (nondeterministic) ICU collation: sessions with
-- app.tenant 'acme' and 'ACME' reach the same rows, so equality there proves no isolation.
-- The handles column is citext-like through the same collation on a domain.
CREATE COLLATION public.pgpe_cat_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

CREATE TABLE public.accounts (
    id     uuid PRIMARY KEY,
    tenant text COLLATE public.pgpe_cat_ci NOT NULL,
    name   text NOT NULL
);

-- The same data with a deterministic tenant column: still PROVEN.
CREATE TABLE public.ledgers (
    id     uuid PRIMARY KEY,
    tenant text NOT NULL,
    name   text COLLATE public.pgpe_cat_ci NOT NULL
);
