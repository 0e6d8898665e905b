ALTER TABLE forum.boards ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum.threads ENABLE ROW LEVEL SECURITY;
ALTER TABLE forum.posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation.reports ENABLE ROW LEVEL SECURITY;

CREATE POLICY boards_visible ON forum.boards FOR SELECT
    USING (visibility = 'public'
           OR (visibility = 'members' AND id IN (
                   SELECT board_id FROM forum.board_members
                   WHERE user_id = current_setting('forum.user_id')::integer)));

CREATE POLICY boards_staff ON forum.boards FOR SELECT TO corpus_forum_moderator USING (true);

CREATE POLICY threads_visible ON forum.threads FOR SELECT
    USING (EXISTS (SELECT 1 FROM forum.boards b WHERE b.id = threads.board_id));

CREATE POLICY threads_start ON forum.threads FOR INSERT TO corpus_forum_member
    WITH CHECK (author_id = current_setting('forum.user_id')::integer AND NOT locked);

CREATE POLICY posts_read ON forum.posts FOR SELECT
    USING (hidden_at IS NULL OR author_id = current_setting('forum.user_id')::integer);

CREATE POLICY posts_write ON forum.posts FOR INSERT TO corpus_forum_member
    WITH CHECK (author_id = current_setting('forum.user_id')::integer
                AND EXISTS (SELECT 1 FROM forum.threads t WHERE t.id = posts.thread_id AND t.locked = false));

CREATE POLICY posts_edit ON forum.posts FOR UPDATE TO corpus_forum_member
    USING (author_id = current_setting('forum.user_id')::integer);

-- Banned users write nothing (restrictive: holds whatever else admits the row).
CREATE POLICY posts_not_banned ON forum.posts AS RESTRICTIVE FOR INSERT
    WITH CHECK (NOT EXISTS (SELECT 1 FROM moderation.bans WHERE user_id = current_setting('forum.user_id')::integer));

CREATE POLICY moderators_hide ON forum.posts FOR UPDATE TO corpus_forum_moderator USING (true) WITH CHECK (true);

CREATE POLICY reports_own ON moderation.reports
    USING (reporter_id = current_setting('forum.user_id')::integer);
CREATE POLICY reports_staff ON moderation.reports FOR SELECT TO corpus_forum_moderator USING (true);

GRANT SELECT ON forum.boards, forum.board_members, forum.threads TO corpus_forum_member, corpus_forum_moderator;
GRANT SELECT, INSERT, UPDATE ON forum.posts TO corpus_forum_member, corpus_forum_moderator;
GRANT INSERT ON forum.threads TO corpus_forum_member;
GRANT SELECT ON moderation.bans TO corpus_forum_member;
GRANT SELECT, INSERT ON moderation.reports TO corpus_forum_member, corpus_forum_moderator;
