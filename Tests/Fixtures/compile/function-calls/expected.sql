-- ============================================================
-- public.documents
-- ============================================================
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY in_account_documents
  ON public.documents
  AS PERMISSIVE
  FOR SELECT
  USING (account_id = (SELECT app.current_account()));

CREATE POLICY editors_write_documents
  ON public.documents
  AS PERMISSIVE
  FOR UPDATE
  USING (app.has_role(account_id, 'editor'::app.role) AND (SELECT app.has_role(app.current_account(), 'editor'::app.role)));

CREATE POLICY members_read_documents
  ON public.documents
  AS RESTRICTIVE
  FOR SELECT
  USING (min_role = (SELECT app.role_of(app.current_account())) AND app.has_role(account_id));

CREATE POLICY lucky_delete_documents
  ON public.documents
  AS PERMISSIVE
  FOR DELETE
  USING (account_id = (SELECT app.current_account()) AND public.dice() = 6);
