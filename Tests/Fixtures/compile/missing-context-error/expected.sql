-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY strict_tenant_users
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING (email = (SELECT current_setting('app.label')) AND tenant_id = (SELECT current_setting('app.tenant_id')::uuid));
