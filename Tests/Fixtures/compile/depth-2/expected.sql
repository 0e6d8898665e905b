-- ============================================================
-- public.documents
-- ============================================================
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY documents_via_task_project_documents
  ON public.documents
  AS PERMISSIVE
  FOR ALL
  USING (EXISTS (SELECT 1 FROM public.tasks t1 WHERE t1.id = public.documents.task_id AND t1.priority IS NOT NULL AND EXISTS (SELECT 1 FROM public.projects t2 WHERE t2.id = t1.project_id AND t2.is_deleted = false AND t2.tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid))));

-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY projects_tenant_projects
  ON public.projects
  AS PERMISSIVE
  FOR SELECT
  USING (true);

-- ============================================================
-- public.tasks
-- ============================================================
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tasks FORCE ROW LEVEL SECURITY;

CREATE POLICY projects_tenant_tasks
  ON public.tasks
  AS PERMISSIVE
  FOR SELECT
  USING (true);
