CREATE TABLE product (
    product_id bigint PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenant (tenant_id),
    sku text NOT NULL,
    price numeric(10, 2) NOT NULL,
    is_listed boolean NOT NULL DEFAULT true
);

CREATE TABLE order_line (
    order_id bigint NOT NULL,
    line_no int NOT NULL,
    tenant_id uuid NOT NULL REFERENCES tenant (tenant_id),
    product_id bigint NOT NULL REFERENCES product (product_id),
    quantity int NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

ALTER TABLE product ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_line ENABLE ROW LEVEL SECURITY;

-- The sample's safer spelling: a missing or empty setting is NULL, which matches no row.
CREATE POLICY product_tenant_isolation ON product
    USING (tenant_id = NULLIF(current_setting('app.current_tenant', true), '')::uuid);

-- Read once per statement, as the tuning guide suggests.
CREATE POLICY order_line_tenant_isolation ON order_line
    USING (tenant_id = (SELECT current_setting('app.current_tenant'))::uuid)
    WITH CHECK (tenant_id = (SELECT current_setting('app.current_tenant'))::uuid AND quantity > 0);

-- The reporting role reads listed products of every tenant.
CREATE POLICY product_catalogue_read ON product FOR SELECT TO corpus_pool_reporting
    USING (is_listed);

GRANT SELECT, INSERT, UPDATE, DELETE ON product, order_line TO corpus_pool_app;
GRANT SELECT ON product TO corpus_pool_reporting;
