-- A Prisma app: Prisma quotes every identifier and keeps the model's case ("User", "authorId").
-- RLS is added by hand-written migrations next to the generated ones; the app sets
-- app.current_user_id and app.bypass_rls per transaction (set_config(..., true)).

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'USER',

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "title" VARCHAR(255) NOT NULL,
    "content" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team Member" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "member.role" TEXT NOT NULL DEFAULT 'viewer',

    CONSTRAINT "Team Member_pkey" PRIMARY KEY ("teamId", "userId")
);

-- CreateTable
CREATE TABLE "Audit.Log" (
    "id" SERIAL NOT NULL,
    "actorId" TEXT,
    "Event Type" TEXT NOT NULL,

    CONSTRAINT "Audit.Log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team Member" ADD CONSTRAINT "Team Member_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT ON "Team" TO corpus_prisma_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "User", "Post", "Team Member", "Audit.Log" TO corpus_prisma_app;
GRANT USAGE ON SEQUENCE "Post_id_seq", "Audit.Log_id_seq" TO corpus_prisma_app;
