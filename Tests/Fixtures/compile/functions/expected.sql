-- ============================================================
-- public.documents
-- ============================================================
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY sized_documents_documents
  ON public.documents
  AS PERMISSIVE
  FOR SELECT
  USING (public.in_set(size, tags::bigint[]));

-- ============================================================
-- public.projects
-- ============================================================
ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.projects FORCE ROW LEVEL SECURITY;

CREATE POLICY members_only_projects
  ON public.projects
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) AND public.is_member((SELECT NULLIF(current_setting('app.user_id', true), '')::uuid), tenant_id));
