-- ============================================================
-- public.accounts
-- ============================================================
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.accounts FORCE ROW LEVEL SECURITY;

CREATE POLICY accounts_by_role_accounts
  ON public.accounts
  AS PERMISSIVE
  FOR SELECT
  USING ((EXISTS (SELECT 1 FROM public.members t1 WHERE t1.account_id = public.accounts.id AND t1.role = 'owner' AND t1.user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))) OR (EXISTS (SELECT 1 FROM public.members t1 WHERE t1.account_id = public.accounts.id AND t1.role = public.accounts.min_role AND t1.user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid))));

-- ============================================================
-- public.grants
-- ============================================================
ALTER TABLE public.grants ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.grants FORCE ROW LEVEL SECURITY;

CREATE POLICY grants_in_scope_grants
  ON public.grants
  AS PERMISSIVE
  FOR SELECT
  USING (EXISTS (SELECT 1 FROM public.members t1 WHERE t1.id = public.grants.member_id AND t1.role = public.grants.scope AND t1.user_id = (SELECT NULLIF(current_setting('app.user_id', true), '')::uuid) AND EXISTS (SELECT 1 FROM public.accounts t2 WHERE t2.id = t1.account_id AND t2.min_role = t1.role)));
