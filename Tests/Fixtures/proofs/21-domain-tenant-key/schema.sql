-- The tenant column's type is a NOT NULL domain: the compiled session value must be cast to
-- the domain's base type (uuid), or an unset key raises "domain ... does not allow null values"
-- instead of matching nothing.
CREATE DOMAIN public.pgpe_cat_tenant_key AS uuid NOT NULL CHECK (VALUE <> '00000000-0000-0000-0000-000000000000');
CREATE DOMAIN public.pgpe_cat_stamp AS timestamptz;

CREATE TABLE public.notes (
    id         uuid PRIMARY KEY,
    tenant_id  public.pgpe_cat_tenant_key,
    written_at public.pgpe_cat_stamp,
    body       text NOT NULL
);
