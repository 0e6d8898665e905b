-- ============================================================
-- public.notes
-- ============================================================
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;

CREATE POLICY own_notes_notes
  ON public.notes
  AS PERMISSIVE
  FOR ALL
  USING ((org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND role_name = (SELECT auth.role())) OR (owner_id = (SELECT auth.uid())));

CREATE POLICY named_notes_notes
  ON public.notes
  AS PERMISSIVE
  FOR SELECT
  USING ((level <= (SELECT ((auth.jwt() ->> 'level')::integer)::bigint) AND owner_name = (SELECT current_user)) OR (owner_name = (SELECT session_user) AND (SELECT auth.uid()) IS NOT NULL) OR (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)));
