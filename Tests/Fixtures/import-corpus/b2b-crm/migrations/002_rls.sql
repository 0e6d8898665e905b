ALTER TABLE crm.teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.deals ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.activities ENABLE ROW LEVEL SECURITY;

-- Every table is scoped to the organization first (restrictive), then opened per team.
CREATE POLICY org_scope ON crm.accounts AS RESTRICTIVE
    USING (org_id = (SELECT current_setting('crm.org_id', true))::uuid);
CREATE POLICY org_scope ON crm.deals AS RESTRICTIVE
    USING (org_id = (SELECT current_setting('crm.org_id', true))::uuid);
CREATE POLICY org_scope ON crm.teams AS RESTRICTIVE
    USING (org_id = (SELECT current_setting('crm.org_id', true))::uuid);

CREATE POLICY teams_members ON crm.teams FOR SELECT
    USING (id IN (SELECT team_id FROM crm.memberships WHERE user_id = current_setting('crm.user_id'::text, true)::bigint));

CREATE POLICY accounts_team ON crm.accounts FOR SELECT
    USING (visibility = 'org'
           OR team_id IN (SELECT m.team_id FROM crm.memberships m
                          WHERE m.user_id = current_setting('crm.user_id'::text, true)::bigint));

CREATE POLICY accounts_leads_edit ON crm.accounts FOR UPDATE TO corpus_crm_rep
    USING (EXISTS (SELECT 1 FROM crm.memberships m
                   WHERE m.team_id = accounts.team_id
                     AND m.user_id = current_setting('crm.user_id'::text, true)::bigint
                     AND m.is_lead));

CREATE POLICY deals_owner ON crm.deals TO corpus_crm_rep
    USING (owner_id = current_setting('crm.user_id', true)::bigint)
    WITH CHECK (owner_id = current_setting('crm.user_id', true)::bigint AND amount >= 0);

CREATE POLICY deals_manager ON crm.deals FOR SELECT TO corpus_crm_manager
    USING (account_id IN (
        SELECT a.id FROM crm.accounts a
        WHERE a.team_id IN (SELECT t.id FROM crm.teams t WHERE t.manager_id = current_setting('crm.user_id', true)::bigint)));

CREATE POLICY activities_on_visible_deals ON crm.activities FOR SELECT
    USING (EXISTS (SELECT 1 FROM crm.deals d WHERE d.id = activities.deal_id));

CREATE POLICY activities_log ON crm.activities FOR INSERT
    WITH CHECK (actor_id = current_setting('crm.user_id', true)::bigint AND kind = ANY (ARRAY['call', 'email', 'meeting']));

GRANT SELECT ON crm.teams, crm.memberships TO corpus_crm_rep, corpus_crm_manager;
GRANT SELECT, UPDATE ON crm.accounts TO corpus_crm_rep, corpus_crm_manager;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.deals TO corpus_crm_rep, corpus_crm_manager;
GRANT SELECT, INSERT ON crm.activities TO corpus_crm_rep, corpus_crm_manager;
