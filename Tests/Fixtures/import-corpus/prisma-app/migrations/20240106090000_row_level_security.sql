-- Enable Row Level Security
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Post" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Team Member" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Audit.Log" ENABLE ROW LEVEL SECURITY;

-- Force Row Level Security for table owners
ALTER TABLE "User" FORCE ROW LEVEL SECURITY;

-- Create row security policies
CREATE POLICY "Users: read own record" ON "User"
    USING ("id" = current_setting('app.current_user_id', TRUE)::text);

CREATE POLICY "Bypass RLS." ON "User"
    USING (current_setting('app.bypass_rls', TRUE)::text = 'on');

CREATE POLICY "Posts: published ones are public" ON "Post" FOR SELECT
    USING ("published" = true);

CREATE POLICY "Posts: authors manage their own" ON "Post"
    USING ("authorId" = current_setting('app.current_user_id', TRUE))
    WITH CHECK ("authorId" = current_setting('app.current_user_id', TRUE) AND "title" <> '');

CREATE POLICY "Team Member: see own memberships" ON "Team Member" FOR SELECT
    USING ("userId" = current_setting('app.current_user_id', TRUE));

CREATE POLICY "Team Member: owners see their team" ON "Team Member" FOR SELECT
    USING ("teamId" IN (
        SELECT t."id" FROM "Team" t
        WHERE t."ownerId" = current_setting('app.current_user_id', TRUE)));

CREATE POLICY "Team Member: editors change roles" ON "Team Member" FOR UPDATE
    USING ("member.role" = 'editor' AND "userId" = current_setting('app.current_user_id', TRUE));

CREATE POLICY "Audit.Log: admins read" ON "Audit.Log" FOR SELECT
    USING (EXISTS (
        SELECT 1 FROM "User" u
        WHERE u."id" = "Audit.Log"."actorId" AND u."role" = 'ADMIN'::"Role"));

CREATE POLICY "Audit.Log: anyone appends" ON "Audit.Log" FOR INSERT
    WITH CHECK ("actorId" = current_setting('app.current_user_id', TRUE) AND "Event Type" IN ('login', 'logout', 'post.created'));
