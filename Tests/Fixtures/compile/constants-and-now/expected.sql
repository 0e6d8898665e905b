-- ============================================================
-- public.documents
-- ============================================================
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY current_documents_documents
  ON public.documents
  AS PERMISSIVE
  FOR SELECT
  USING (created_at <= now() AND EXISTS (SELECT 1 FROM public.tasks t1 WHERE t1.id = public.documents.task_id));

-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY own_projects_projects
  ON public.projects
  AS PERMISSIVE
  FOR ALL
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT REFERENCES, TRIGGER ON TABLE public.projects TO app_user;

-- ============================================================
-- public.tasks
-- ============================================================
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tasks FORCE ROW LEVEL SECURITY;

CREATE POLICY any_task_tasks
  ON public.tasks
  AS PERMISSIVE
  FOR SELECT
  USING ((EXISTS (SELECT 1 FROM public.projects t1 WHERE t1.id = public.tasks.project_id)) OR (now() > '2000-01-01 00:00:00+00'));

-- ============================================================
-- public.tenants
-- ============================================================
ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tenants FORCE ROW LEVEL SECURITY;

CREATE POLICY everyone_reads_tenants
  ON public.tenants
  AS PERMISSIVE
  FOR SELECT
  USING (true);

CREATE POLICY never_deleted_tenants
  ON public.tenants
  AS RESTRICTIVE
  FOR DELETE
  USING (false);

CREATE POLICY tenants_write_tenants_insert
  ON public.tenants
  AS PERMISSIVE
  FOR INSERT
  WITH CHECK (id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY tenants_write_tenants_update
  ON public.tenants
  AS PERMISSIVE
  FOR UPDATE
  USING (id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY tenants_write_tenants_delete
  ON public.tenants
  AS PERMISSIVE
  FOR DELETE
  USING (id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

GRANT SELECT, TRUNCATE ON TABLE public.tenants TO app_admin;
GRANT REFERENCES, TRIGGER ON TABLE public.tenants TO app_user;
