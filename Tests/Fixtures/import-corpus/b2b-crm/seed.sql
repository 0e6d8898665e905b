INSERT INTO public.industries VALUES ('tech', 'Technology'), ('retail', 'Retail');
INSERT INTO crm.teams VALUES
    (1, 'aaaaaaaa-0000-4000-8000-000000000001', 'East', 100),
    (2, 'aaaaaaaa-0000-4000-8000-000000000001', 'West', 100),
    (3, 'bbbbbbbb-0000-4000-8000-000000000002', 'Other org', 300);
INSERT INTO crm.memberships VALUES (1, 10, true), (1, 11, false), (2, 12, false), (3, 30, true);
INSERT INTO crm.accounts VALUES
    (1, 'aaaaaaaa-0000-4000-8000-000000000001', 1, 'Initech', 'tech', 'team'),
    (2, 'aaaaaaaa-0000-4000-8000-000000000001', 2, 'Hooli', 'tech', 'team'),
    (3, 'aaaaaaaa-0000-4000-8000-000000000001', 2, 'Big Mart', 'retail', 'org'),
    (4, 'bbbbbbbb-0000-4000-8000-000000000002', 3, 'Elsewhere', NULL, 'org');
INSERT INTO crm.deals VALUES
    (1, 'aaaaaaaa-0000-4000-8000-000000000001', 1, 10, 'lead', 1000),
    (2, 'aaaaaaaa-0000-4000-8000-000000000001', 1, 11, 'proposal', 5000),
    (3, 'aaaaaaaa-0000-4000-8000-000000000001', 2, 12, 'won', 700),
    (4, 'bbbbbbbb-0000-4000-8000-000000000002', 4, 30, 'lead', 10);
INSERT INTO crm.activities VALUES (1, 1, 10, 'call'), (2, 2, 11, 'email'), (3, 3, 12, 'meeting'), (4, 4, 30, 'call');
