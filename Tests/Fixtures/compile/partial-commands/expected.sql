-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY read_update_users_select
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY read_update_users_update
  ON public.users
  AS PERMISSIVE
  FOR UPDATE
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY remove_users
  ON public.users
  AS PERMISSIVE
  FOR DELETE
  USING (id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid));
