-- ============================================================
-- public."Audit Log"
-- ============================================================
ALTER TABLE public."Audit Log" ENABLE ROW LEVEL SECURITY;
ALTER TABLE public."Audit Log" FORCE ROW LEVEL SECURITY;

CREATE POLICY "audit access_audit log"
  ON public."Audit Log"
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid) AND "user" IS NOT NULL);

-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY display_users
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING ("Display Name" <> '' AND level IN (1, 2, 3));
