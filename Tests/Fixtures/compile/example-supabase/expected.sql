-- ============================================================
-- public.audit_log
-- ============================================================
ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY;

-- ============================================================
-- public.documents
-- ============================================================
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY org_documents_documents
  ON public.documents
  AS PERMISSIVE
  FOR SELECT
  TO authenticated
  USING (org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND public.has_role(org_id));

CREATE POLICY own_documents_documents_insert
  ON public.documents
  AS PERMISSIVE
  FOR INSERT
  TO authenticated
  WITH CHECK (org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner_id = (SELECT auth.uid()) AND public.has_role(org_id));

CREATE POLICY own_documents_documents_update
  ON public.documents
  AS PERMISSIVE
  FOR UPDATE
  TO authenticated
  USING (org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner_id = (SELECT auth.uid()) AND public.has_role(org_id));

CREATE POLICY own_documents_documents_delete
  ON public.documents
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner_id = (SELECT auth.uid()) AND public.has_role(org_id));

CREATE POLICY admin_documents_documents
  ON public.documents
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND EXISTS (SELECT 1 FROM public.organizations t1 WHERE t1.id = public.documents.org_id AND EXISTS (SELECT 1 FROM public.memberships t2 WHERE t2.org_id = t1.id AND t2.role IN ('admin', 'owner') AND t2.user_id = (SELECT auth.uid()))));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.documents TO authenticated;

-- ============================================================
-- public.memberships
-- ============================================================
ALTER TABLE public.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.memberships FORCE ROW LEVEL SECURITY;

CREATE POLICY member_memberships_memberships
  ON public.memberships
  AS PERMISSIVE
  FOR SELECT
  TO authenticated
  USING ((user_id = (SELECT auth.uid())) OR (public.has_role(org_id, 'admin'::public.member_role)) OR (public.has_role(org_id)));

CREATE POLICY admin_memberships_memberships_insert
  ON public.memberships
  AS PERMISSIVE
  FOR INSERT
  TO authenticated
  WITH CHECK (public.has_role(org_id, 'admin'::public.member_role));

CREATE POLICY admin_memberships_memberships_update
  ON public.memberships
  AS PERMISSIVE
  FOR UPDATE
  TO authenticated
  USING (public.has_role(org_id, 'admin'::public.member_role));

CREATE POLICY admin_memberships_memberships_delete
  ON public.memberships
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (public.has_role(org_id, 'admin'::public.member_role));

CREATE POLICY leave_organization_memberships
  ON public.memberships
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (user_id = (SELECT auth.uid()));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.memberships TO authenticated;

-- ============================================================
-- public.organizations
-- ============================================================
ALTER TABLE public.organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.organizations FORCE ROW LEVEL SECURITY;

CREATE POLICY member_organizations_organizations
  ON public.organizations
  AS PERMISSIVE
  FOR SELECT
  TO authenticated
  USING ((created_by = (SELECT auth.uid())) OR (EXISTS (SELECT 1 FROM public.memberships t1 WHERE t1.org_id = public.organizations.id AND t1.user_id = (SELECT auth.uid()))));

CREATE POLICY create_organization_organizations
  ON public.organizations
  AS PERMISSIVE
  FOR INSERT
  TO authenticated
  WITH CHECK (created_by = (SELECT auth.uid()));

CREATE POLICY admin_organizations_organizations
  ON public.organizations
  AS PERMISSIVE
  FOR UPDATE
  TO authenticated
  USING (EXISTS (SELECT 1 FROM public.memberships t1 WHERE t1.org_id = public.organizations.id AND t1.role IN ('admin', 'owner') AND t1.user_id = (SELECT auth.uid())));

CREATE POLICY owner_organizations_organizations
  ON public.organizations
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (EXISTS (SELECT 1 FROM public.memberships t1 WHERE t1.org_id = public.organizations.id AND t1.role = 'owner' AND t1.user_id = (SELECT auth.uid())));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.organizations TO authenticated;

-- ============================================================
-- public.profiles
-- ============================================================
ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.profiles FORCE ROW LEVEL SECURITY;

CREATE POLICY own_profile_profiles
  ON public.profiles
  AS PERMISSIVE
  FOR ALL
  TO authenticated
  USING (id = (SELECT auth.uid()));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.profiles TO authenticated;

-- ============================================================
-- public.storage_objects
-- ============================================================
ALTER TABLE public.storage_objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.storage_objects FORCE ROW LEVEL SECURITY;

CREATE POLICY org_files_storage_objects
  ON public.storage_objects
  AS PERMISSIVE
  FOR SELECT
  TO authenticated
  USING (bucket_id = 'org-files' AND org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND public.has_role(org_id));

CREATE POLICY own_files_storage_objects_insert
  ON public.storage_objects
  AS PERMISSIVE
  FOR INSERT
  TO authenticated
  WITH CHECK (bucket_id = 'org-files' AND org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner = (SELECT auth.uid()) AND public.has_role(org_id));

CREATE POLICY own_files_storage_objects_update
  ON public.storage_objects
  AS PERMISSIVE
  FOR UPDATE
  TO authenticated
  USING (bucket_id = 'org-files' AND org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner = (SELECT auth.uid()) AND public.has_role(org_id));

CREATE POLICY own_files_storage_objects_delete
  ON public.storage_objects
  AS PERMISSIVE
  FOR DELETE
  TO authenticated
  USING (bucket_id = 'org-files' AND org_id = (SELECT (auth.jwt() ->> 'org_id')::uuid) AND owner = (SELECT auth.uid()) AND public.has_role(org_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.storage_objects TO authenticated;
