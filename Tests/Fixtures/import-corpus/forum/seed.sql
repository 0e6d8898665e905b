INSERT INTO forum.boards VALUES (1, 'general', 'public'), (2, 'club', 'members'), (3, 'staff-room', 'staff');
INSERT INTO forum.board_members VALUES (2, 10), (3, 30);
INSERT INTO forum.threads VALUES
    (100, 1, 10, 'Welcome', false),
    (101, 2, 10, 'Club news', false),
    (102, 3, 30, 'Moderation queue', true),
    (103, 1, 20, 'Locked thread', true);
INSERT INTO forum.posts VALUES
    (1000, 100, 10, 'hi all', NULL),
    (1001, 100, 20, 'spam', '2024-01-01 00:00:00+00'),
    (1002, 101, 10, 'meeting on friday', NULL),
    (1003, 102, 30, 'review these', NULL),
    (1004, 103, 20, 'closing', NULL);
INSERT INTO moderation.bans VALUES (20, 'spam');
INSERT INTO moderation.reports VALUES (1, 1001, 10, 'spam'), (2, 1004, 30, NULL);
