-- A B2B CRM with sales teams: reps see their team's accounts and their own deals; managers see
-- their teams' deals; a shared reference table in public. The API sets crm.user_id and
-- crm.org_id per request and switches to corpus_crm_rep or corpus_crm_manager.
CREATE SCHEMA crm;
GRANT USAGE ON SCHEMA crm TO corpus_crm_rep, corpus_crm_manager;

CREATE TABLE public.industries (
    code    text PRIMARY KEY,
    label   text NOT NULL
);
GRANT SELECT ON public.industries TO corpus_crm_rep, corpus_crm_manager;

CREATE TABLE crm.teams (
    id          bigint PRIMARY KEY,
    org_id      uuid NOT NULL,
    name        text NOT NULL,
    manager_id  bigint
);

CREATE TABLE crm.memberships (
    team_id     bigint NOT NULL REFERENCES crm.teams,
    user_id     bigint NOT NULL,
    is_lead     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE crm.accounts (
    id          bigint PRIMARY KEY,
    org_id      uuid NOT NULL,
    team_id     bigint NOT NULL REFERENCES crm.teams,
    name        text NOT NULL,
    industry    text REFERENCES public.industries,
    visibility  text NOT NULL DEFAULT 'team' CHECK (visibility IN ('team', 'org'))
);

CREATE TABLE crm.deals (
    id          bigint PRIMARY KEY,
    org_id      uuid NOT NULL,
    account_id  bigint NOT NULL REFERENCES crm.accounts,
    owner_id    bigint NOT NULL,
    stage       text NOT NULL DEFAULT 'lead',
    amount      bigint NOT NULL DEFAULT 0
);

CREATE TABLE crm.activities (
    id          bigint PRIMARY KEY,
    deal_id     bigint NOT NULL REFERENCES crm.deals,
    actor_id    bigint NOT NULL,
    kind        text NOT NULL
);
