-- ============================================================
-- public."Audit Log"
-- ============================================================
ALTER TABLE public."Audit Log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."Audit Log" FORCE ROW LEVEL SECURITY;

CREATE POLICY "tenant_audit log"
  ON public."Audit Log"
  AS PERMISSIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public."Audit Log" TO app_user;

-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_projects
  ON public.projects
  AS PERMISSIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.projects TO app_user;
GRANT SELECT ON TABLE public.projects TO "Report Reader";

-- ============================================================
-- public.tenants
-- ============================================================
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.tenants TO app_admin;

-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_users
  ON public.users
  AS PERMISSIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.users TO app_user;
