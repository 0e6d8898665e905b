-- ============================================================
-- public."Audit Log"
-- ============================================================
ALTER TABLE public."Audit Log" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "it's ""quoted""; -- ünïcødé_select"
  ON public."Audit Log"
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY "it's ""quoted""; -- ünïcødé_update"
  ON public."Audit Log"
  AS PERMISSIVE
  FOR UPDATE
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY "it's ""quoted""; -- ünïcødé_select"
  ON public.projects
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY "it's ""quoted""; -- ünïcødé_update"
  ON public.projects
  AS PERMISSIVE
  FOR UPDATE
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY "Can view own user data."
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING (id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid));

CREATE POLICY "Tenant"
  ON public.users
  AS RESTRICTIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY tenant
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));
