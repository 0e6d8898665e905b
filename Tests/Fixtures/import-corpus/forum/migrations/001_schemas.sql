-- A discussion forum in two schemas: forum (boards, threads, posts) and moderation (bans,
-- reports). The web tier connects as corpus_forum_member and sets forum.user_id; moderators
-- connect as corpus_forum_moderator.
CREATE SCHEMA forum;
CREATE SCHEMA moderation;
GRANT USAGE ON SCHEMA forum, moderation TO corpus_forum_member, corpus_forum_moderator;

CREATE TYPE forum.visibility AS ENUM ('public', 'members', 'staff');

CREATE TABLE forum.boards (
    id          integer PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    visibility  forum.visibility NOT NULL DEFAULT 'public'
);

CREATE TABLE forum.board_members (
    board_id    integer NOT NULL REFERENCES forum.boards,
    user_id     integer NOT NULL,
    PRIMARY KEY (board_id, user_id)
);

CREATE TABLE forum.threads (
    id          integer PRIMARY KEY,
    board_id    integer NOT NULL REFERENCES forum.boards,
    author_id   integer NOT NULL,
    title       text NOT NULL,
    locked      boolean NOT NULL DEFAULT false
);

CREATE TABLE forum.posts (
    id          bigint PRIMARY KEY,
    thread_id   integer NOT NULL REFERENCES forum.threads,
    author_id   integer NOT NULL,
    body        text NOT NULL,
    hidden_at   timestamptz
);

CREATE TABLE moderation.bans (
    user_id     integer PRIMARY KEY,
    reason      text NOT NULL
);

CREATE TABLE moderation.reports (
    id          integer PRIMARY KEY,
    post_id     bigint NOT NULL REFERENCES forum.posts,
    reporter_id integer NOT NULL,
    note        text
);
