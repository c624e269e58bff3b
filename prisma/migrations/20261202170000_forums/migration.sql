-- Forums become the unit of responsibility: a kind, a contact, whether their facilitators may appoint
-- people, and appointments of people as facilitator or observer of one forum (issue 15).
-- CreateEnum
CREATE TYPE "ForumKind" AS ENUM ('BEST_PRACTICE_FORUM', 'DYNAMIC_COALITION', 'POLICY_NETWORK', 'NATIONAL_REGIONAL_INITIATIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "ForumRole" AS ENUM ('FACILITATOR', 'OBSERVER');

-- AlterTable
ALTER TABLE "audit_entries" ADD COLUMN     "forumId" TEXT;

-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "contactEmail" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "facilitatorsMayAppoint" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" "ForumKind" NOT NULL DEFAULT 'OTHER';

-- CreateTable
CREATE TABLE "forum_appointments" (
    "id" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ForumRole" NOT NULL,
    "appointedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "forum_appointments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "forum_appointments_userId_idx" ON "forum_appointments"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "forum_appointments_forumId_userId_key" ON "forum_appointments"("forumId", "userId");

-- CreateIndex
CREATE INDEX "audit_entries_forumId_createdAt_idx" ON "audit_entries"("forumId", "createdAt");

-- AddForeignKey
ALTER TABLE "forum_appointments" ADD CONSTRAINT "forum_appointments_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "forums"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_appointments" ADD CONSTRAINT "forum_appointments_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_appointments" ADD CONSTRAINT "forum_appointments_appointedById_fkey" FOREIGN KEY ("appointedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- One appointment per person and forum; a contact is an email address or nothing.
ALTER TABLE "forums" ADD CONSTRAINT "forums_contactEmail_check" CHECK ("contactEmail" = '' OR "contactEmail" ~ '^[^@\s]+@[^@\s]+$');
