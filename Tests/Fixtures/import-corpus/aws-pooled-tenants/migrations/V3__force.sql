-- The migration runner owns the tables; FORCE makes the policies hold for it as well.
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
ALTER TABLE tenant_user FORCE ROW LEVEL SECURITY;
ALTER TABLE product FORCE ROW LEVEL SECURITY;
