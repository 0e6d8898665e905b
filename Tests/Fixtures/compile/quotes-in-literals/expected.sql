-- ============================================================
-- public.users
-- ============================================================
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;

CREATE POLICY quotes_users
  ON public.users
  AS PERMISSIVE
  FOR SELECT
  USING (("Display Name" NOT IN ('a''b', E'back\\slash', 'c"d') AND email LIKE E'%\\_x%') OR (email = 'o''brien@example.com') OR (email = (SELECT NULLIF(current_setting('app.it''s', true), ''))));
