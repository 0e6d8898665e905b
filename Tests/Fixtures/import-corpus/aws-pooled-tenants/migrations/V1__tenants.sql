-- A pooled multi-tenant model as in AWS's SaaS samples: every table carries tenant_id, the
-- application connects as one role and sets app.current_tenant per request, and the policies
-- compare tenant_id with that setting. The tables are FORCEd so the owner is held too.
CREATE TABLE tenant (
    tenant_id uuid PRIMARY KEY,
    name varchar(255) UNIQUE,
    status varchar(64) CHECK (status IN ('active', 'suspended', 'disabled')),
    tier varchar(64) CHECK (tier IN ('gold', 'silver', 'bronze'))
);

CREATE TABLE tenant_user (
    user_id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenant (tenant_id) ON DELETE RESTRICT,
    email varchar(255) NOT NULL UNIQUE,
    given_name varchar(255) NOT NULL CHECK (given_name <> ''),
    family_name varchar(255) NOT NULL CHECK (family_name <> '')
);

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_user ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation_policy ON tenant
    USING (tenant_id = current_setting('app.current_tenant')::UUID);

CREATE POLICY tenant_user_isolation_policy ON tenant_user
    USING (tenant_id = current_setting('app.current_tenant')::UUID);

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant, tenant_user TO corpus_pool_app;
