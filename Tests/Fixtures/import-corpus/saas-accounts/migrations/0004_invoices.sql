-- The application's own table, in public, scoped to accounts; billing data is read by owners only.
CREATE TYPE public.invoice_status AS ENUM ('draft', 'open', 'paid', 'void');

CREATE TABLE public.invoices (
    id bigint PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES basejump.accounts,
    status public.invoice_status NOT NULL DEFAULT 'draft',
    amount_cents integer NOT NULL
);
ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Invoices are visible to account members" ON public.invoices
    FOR SELECT TO authenticated
    USING (account_id IN (SELECT basejump.get_accounts_with_role()));

CREATE POLICY "Only owners insert invoices" ON public.invoices
    FOR INSERT TO authenticated
    WITH CHECK (basejump.has_role_on_account(account_id, 'owner'::basejump.account_role));

-- A restrictive policy: voided invoices are hidden from everyone.
CREATE POLICY "Void invoices are hidden" ON public.invoices
    AS RESTRICTIVE
    FOR SELECT TO authenticated
    USING (status <> 'void'::public.invoice_status);

-- Superseded by the restrictive policy above.
CREATE POLICY "Drafts hidden" ON public.invoices AS RESTRICTIVE USING (status <> 'draft');
DROP POLICY "Drafts hidden" ON public.invoices;

GRANT SELECT, INSERT ON public.invoices TO authenticated;
