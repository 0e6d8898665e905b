-- ============================================================
-- public.a_table_with_a_rather_long_name_for_testing_truncation
-- ============================================================
ALTER TABLE public.a_table_with_a_rather_long_name_for_testing_truncation ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.a_table_with_a_rather_long_name_for_testing_truncation FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation_policy_with_a_long_descriptive_name_a_cf3f7b46
  ON public.a_table_with_a_rather_long_name_for_testing_truncation
  AS PERMISSIVE
  FOR SELECT
  USING (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY tenant_isolation_policy_with_a_long_descriptive_name_a_0184beef
  ON public.a_table_with_a_rather_long_name_for_testing_truncation
  AS PERMISSIVE
  FOR INSERT
  WITH CHECK (tenant_id = (SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid));

CREATE POLICY short_a_table_with_a_rather_long_name_for_testing_truncation
  ON public.a_table_with_a_rather_long_name_for_testing_truncation
  AS PERMISSIVE
  FOR SELECT
  USING (id > 0);
