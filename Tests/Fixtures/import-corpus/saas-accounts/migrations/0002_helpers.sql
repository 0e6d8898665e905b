-- Returns the accounts the current user belongs to, optionally with a given role.
CREATE OR REPLACE FUNCTION basejump.get_accounts_with_role(passed_in_role basejump.account_role DEFAULT NULL)
    RETURNS SETOF uuid LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    SELECT account_id FROM basejump.account_user wu
    WHERE wu.user_id = auth.uid()
      AND (wu.account_role = passed_in_role OR passed_in_role IS NULL);
$$;

-- Whether the current user has a role on an account (any role when none is given).
CREATE OR REPLACE FUNCTION basejump.has_role_on_account(account_id uuid, account_role basejump.account_role DEFAULT NULL)
    RETURNS boolean LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    SELECT EXISTS (
        SELECT 1 FROM basejump.account_user wu
        WHERE wu.user_id = auth.uid()
          AND wu.account_id = has_role_on_account.account_id
          AND (wu.account_role = has_role_on_account.account_role OR has_role_on_account.account_role IS NULL)
    );
$$;

GRANT EXECUTE ON FUNCTION basejump.get_accounts_with_role(basejump.account_role) TO authenticated;
GRANT EXECUTE ON FUNCTION basejump.has_role_on_account(uuid, basejump.account_role) TO authenticated;
