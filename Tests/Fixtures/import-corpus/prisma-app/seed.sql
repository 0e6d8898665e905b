INSERT INTO "User" ("id", "email", "name", "role") VALUES
    ('ckuser0001', 'ada@prisma.test', 'Ada', 'ADMIN'),
    ('ckuser0002', 'bo@prisma.test', 'Bo', 'USER'),
    ('ckuser0003', 'cy@prisma.test', 'Cy', 'USER');
INSERT INTO "Post" ("id", "title", "content", "published", "authorId") VALUES
    (1, 'Hello', 'first', true, 'ckuser0001'),
    (2, 'Draft', 'wip', false, 'ckuser0002'),
    (3, 'Public by Bo', 'yes', true, 'ckuser0002'),
    (4, 'Secret', 'shh', false, 'ckuser0003');
SELECT setval('"Post_id_seq"', 10);
INSERT INTO "Team" ("id", "ownerId") VALUES ('team-a', 'ckuser0001'), ('team-b', 'ckuser0003');
INSERT INTO "Team Member" ("teamId", "userId", "member.role") VALUES
    ('team-a', 'ckuser0001', 'editor'),
    ('team-a', 'ckuser0002', 'viewer'),
    ('team-b', 'ckuser0003', 'editor'),
    ('team-b', 'ckuser0002', 'editor');
INSERT INTO "Audit.Log" ("id", "actorId", "Event Type") VALUES
    (1, 'ckuser0001', 'login'),
    (2, 'ckuser0002', 'login'),
    (3, NULL, 'system');
SELECT setval('"Audit.Log_id_seq"', 10);
