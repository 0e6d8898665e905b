-- ============================================================
-- public.audit_log
-- ============================================================
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY;

-- ============================================================
-- public.notes
-- ============================================================
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.notes FORCE ROW LEVEL SECURITY;

CREATE POLICY notes_by_tenant_notes
  ON public.notes
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

-- ============================================================
-- public.service_keys
-- ============================================================
ALTER TABLE public.service_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.service_keys FORCE ROW LEVEL SECURITY;
