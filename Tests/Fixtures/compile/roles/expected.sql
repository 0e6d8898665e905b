-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY members_users
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  TO app_user, "Report Reader"
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY everyone_users
  ON public.users
  AS RESTRICTIVE
  FOR SELECT
  TO PUBLIC
  USING (email LIKE '%@%');
