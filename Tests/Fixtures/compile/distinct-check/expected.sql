-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_rw_projects
  ON public.projects
  AS PERMISSIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (is_deleted = false AND tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY owner_update_projects
  ON public.projects
  AS RESTRICTIVE
  FOR UPDATE
  USING (owner_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))
  WITH CHECK ((owner_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid)) OR (owner_id IS NULL));
