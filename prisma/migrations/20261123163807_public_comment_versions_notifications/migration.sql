/*
  Warnings:

  - A unique constraint covering the columns `[commentId,reporterId]` on the table `reports` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "CommentDisposition" AS ENUM ('INCORPORATED', 'PARTLY_INCORPORATED', 'NOT_INCORPORATED', 'NOTED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('DRAFT_OPENED', 'COMMENT_ACTIVITY', 'FINAL_PUBLISHED');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "MessageSetStatus" ADD VALUE 'FINAL';

-- AlterTable
ALTER TABLE "message_paragraphs" ADD COLUMN     "origins" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "message_set_versions" ADD COLUMN     "commentClosesAt" TIMESTAMPTZ(3),
ADD COLUMN     "commentOpensAt" TIMESTAMPTZ(3),
ADD COLUMN     "finalisedAt" TIMESTAMPTZ(3),
ADD COLUMN     "introduction" TEXT,
ADD COLUMN     "title" TEXT;

-- AlterTable
ALTER TABLE "reports" ADD COLUMN     "commentId" TEXT,
ALTER COLUMN "responseId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "paragraphId" TEXT,
    "parentId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "region" "UnRegion" NOT NULL,
    "moderationState" "ModerationState" NOT NULL DEFAULT 'PUBLISHED',
    "hiddenReason" TEXT,
    "hiddenAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "disposition" "CommentDisposition",
    "dispositionReason" TEXT,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "submitKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_follows" (
    "userId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_follows_pkey" PRIMARY KEY ("userId","callId")
);

-- CreateTable
CREATE TABLE "notification_preferences" (
    "userId" TEXT NOT NULL,
    "draftOpened" BOOLEAN NOT NULL DEFAULT true,
    "commentActivity" BOOLEAN NOT NULL DEFAULT true,
    "finalPublished" BOOLEAN NOT NULL DEFAULT true,
    "unsubscribeToken" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "email_jobs" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comments_setId_paragraphId_createdAt_idx" ON "comments"("setId", "paragraphId", "createdAt");

-- CreateIndex
CREATE INDEX "comments_versionId_moderationState_idx" ON "comments"("versionId", "moderationState");

-- CreateIndex
CREATE INDEX "comments_parentId_idx" ON "comments"("parentId");

-- CreateIndex
CREATE INDEX "comments_authorId_idx" ON "comments"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "comments_authorId_submitKey_key" ON "comments"("authorId", "submitKey");

-- CreateIndex
CREATE INDEX "call_follows_callId_idx" ON "call_follows"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "notification_preferences_unsubscribeToken_key" ON "notification_preferences"("unsubscribeToken");

-- CreateIndex
CREATE UNIQUE INDEX "email_jobs_dedupeKey_key" ON "email_jobs"("dedupeKey");

-- CreateIndex
CREATE INDEX "email_jobs_status_nextAttemptAt_idx" ON "email_jobs"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "email_jobs_userId_idx" ON "email_jobs"("userId");

-- CreateIndex
CREATE INDEX "reports_commentId_status_idx" ON "reports"("commentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "reports_commentId_reporterId_key" ON "reports"("commentId", "reporterId");

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_setId_fkey" FOREIGN KEY ("setId") REFERENCES "message_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "message_set_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_follows" ADD CONSTRAINT "call_follows_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_follows" ADD CONSTRAINT "call_follows_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the database keeps, whatever code writes (written by hand):
-- a report is of a response or of a comment, never both, never neither;
ALTER TABLE "reports" ADD CONSTRAINT "reports_one_item" CHECK (num_nonnulls("responseId", "commentId") = 1);
-- "not incorporated" needs a reason; only top-level comments carry a disposition;
ALTER TABLE "comments" ADD CONSTRAINT "comments_not_incorporated_reason"
  CHECK ("disposition" IS DISTINCT FROM 'NOT_INCORPORATED' OR length(btrim(coalesce("dispositionReason", ''))) > 0);
ALTER TABLE "comments" ADD CONSTRAINT "comments_disposition_top_level" CHECK ("parentId" IS NULL OR "disposition" IS NULL);
-- a comment period has both ends, in order; a final version is a published one, and a set has at most one.
ALTER TABLE "message_set_versions" ADD CONSTRAINT "message_set_versions_comment_period"
  CHECK (("commentOpensAt" IS NULL) = ("commentClosesAt" IS NULL) AND ("commentOpensAt" IS NULL OR "commentOpensAt" < "commentClosesAt"));
ALTER TABLE "message_set_versions" ADD CONSTRAINT "message_set_versions_final_published"
  CHECK ("finalisedAt" IS NULL OR "publishedAt" IS NOT NULL);
CREATE UNIQUE INDEX "message_set_versions_one_final" ON "message_set_versions"("setId") WHERE "finalisedAt" IS NOT NULL;
UPDATE "message_paragraphs" SET "origins" = ARRAY[]::TEXT[] WHERE "origins" IS NULL;
ALTER TABLE "message_paragraphs" ALTER COLUMN "origins" SET NOT NULL;
