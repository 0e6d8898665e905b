-- A later migration: the edit policy gets a clearer name, and an edit may not hide the post.
ALTER POLICY posts_edit ON forum.posts RENAME TO posts_edit_own;
ALTER POLICY posts_edit_own ON forum.posts WITH CHECK (author_id = current_setting('forum.user_id')::integer AND hidden_at IS NULL);
