-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY add_project_projects
  ON public.projects
  AS PERMISSIVE
  FOR INSERT
  WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- ============================================================
-- public.tasks
-- ============================================================
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tasks FORCE ROW LEVEL SECURITY;

CREATE POLICY add_task_tasks
  ON public.tasks
  AS PERMISSIVE
  FOR INSERT
  WITH CHECK (priority <= 5 AND priority >= 0);
