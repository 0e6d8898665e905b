-- user's security level must be higher than or equal to document's
CREATE POLICY p1 ON document AS PERMISSIVE
    USING (dlevel <= (SELECT seclv FROM uaccount WHERE pguser = current_user));

-- try to create a policy of bogus type: not here; instead a restrictive one for one role
CREATE POLICY p2r ON document AS RESTRICTIVE TO corpus_rls_dave
    USING (cid <> 44 AND cid < 50);

-- authors may see their own documents whatever their level
CREATE POLICY p1r ON document AS RESTRICTIVE TO corpus_rls_dave
    USING (cid <> 44);

CREATE POLICY p_author ON document FOR ALL TO public
    USING (dauthor = current_user);

ALTER TABLE document ENABLE ROW LEVEL SECURITY;

-- categories: everyone reads, only the author of a document in them may rename them
ALTER TABLE category ENABLE ROW LEVEL SECURITY;
CREATE POLICY cat_read ON category FOR SELECT USING (true);
CREATE POLICY cat_write ON category FOR UPDATE
    USING (cid IN (SELECT cid FROM document WHERE dauthor = current_user));

-- the partitioned table: policies on the parent apply through it
ALTER TABLE part_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY pp1 ON part_document AS PERMISSIVE
    USING (dlevel <= (SELECT seclv FROM uaccount WHERE pguser = current_user));
CREATE POLICY pp1r ON part_document AS RESTRICTIVE TO corpus_rls_dave
    USING (cid < 55);
CREATE POLICY pp_insert ON part_document FOR INSERT
    WITH CHECK (dauthor = CURRENT_USER AND dlevel <= 2);

-- later: the restrictive policy is widened, a stale one dropped
ALTER POLICY p2r ON document USING (cid <> 44 AND cid < 60);
DROP POLICY p1r ON document;
