-- Reps may not mark deals won themselves any more: a restrictive policy on updates.
CREATE POLICY deals_no_self_win ON crm.deals AS RESTRICTIVE FOR UPDATE TO corpus_crm_rep
    USING (true)
    WITH CHECK (stage <> 'won');
-- The first version of the manager policy was too wide and is replaced above; drop its leftover.
CREATE POLICY deals_manager_all ON crm.deals FOR SELECT TO corpus_crm_manager USING (true);
DROP POLICY IF EXISTS deals_manager_all ON crm.deals;
