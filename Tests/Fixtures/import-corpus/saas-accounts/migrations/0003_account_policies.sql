ALTER TABLE basejump.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE basejump.account_user ENABLE ROW LEVEL SECURITY;

CREATE POLICY "users can view their own account_users" ON basejump.account_user
    FOR SELECT TO authenticated
    USING (user_id = auth.uid());

CREATE POLICY "users can view their teammates" ON basejump.account_user
    FOR SELECT TO authenticated
    USING (basejump.has_role_on_account(account_id) = true);

CREATE POLICY "Account users can be deleted by owners except primary owner" ON basejump.account_user
    FOR DELETE TO authenticated
    USING (
        (basejump.has_role_on_account(account_id, 'owner') = true)
        AND user_id != (SELECT primary_owner_user_id FROM basejump.accounts WHERE account_id = accounts.id)
    );

CREATE POLICY "Accounts are viewable by members" ON basejump.accounts
    FOR SELECT TO authenticated
    USING (basejump.has_role_on_account(id) = true);

CREATE POLICY "Accounts are viewable by primary owner" ON basejump.accounts
    FOR SELECT TO authenticated
    USING (primary_owner_user_id = auth.uid());

CREATE POLICY "Accounts can be edited by owners" ON basejump.accounts
    FOR UPDATE TO authenticated
    USING (basejump.has_role_on_account(id, 'owner') = true);

GRANT SELECT, UPDATE ON basejump.accounts TO authenticated;
GRANT SELECT, DELETE ON basejump.account_user TO authenticated;
