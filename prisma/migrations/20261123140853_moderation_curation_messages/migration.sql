-- CreateEnum
CREATE TYPE "ModerationMode" AS ENUM ('PRE', 'POST');

-- CreateEnum
CREATE TYPE "ModerationState" AS ENUM ('PENDING', 'PUBLISHED', 'HIDDEN');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- CreateEnum
CREATE TYPE "MessageSetStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- DropForeignKey
ALTER TABLE "responses" DROP CONSTRAINT "responses_authorId_fkey";

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "clusteredAt" TIMESTAMPTZ(3),
ADD COLUMN     "moderationMode" "ModerationMode" NOT NULL DEFAULT 'POST',
ADD COLUMN     "reportThreshold" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "targetAllRegions" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "targetMinGroupShare" INTEGER;

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "clusterId" TEXT,
ADD COLUMN     "clusterScore" DOUBLE PRECISION,
ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenReason" TEXT,
ADD COLUMN     "moderationState" "ModerationState" NOT NULL DEFAULT 'PUBLISHED',
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ALTER COLUMN "authorId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" TEXT,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "callId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_clusters" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "minScore" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_tags" (
    "responseId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "taggedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "response_tags_pkey" PRIMARY KEY ("responseId","tagId")
);

-- CreateTable
CREATE TABLE "excerpts" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sourceVersion" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "excerpts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "excerpt_tags" (
    "excerptId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "excerpt_tags_pkey" PRIMARY KEY ("excerptId","tagId")
);

-- CreateTable
CREATE TABLE "message_sets" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "introduction" TEXT NOT NULL DEFAULT '',
    "status" "MessageSetStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_sections" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "heading" TEXT NOT NULL,

    CONSTRAINT "message_sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_paragraphs" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_paragraphs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "citations" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "responseId" TEXT,
    "excerptId" TEXT,
    "reference" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup",
    "region" "UnRegion",
    "quote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_set_versions" (
    "id" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "content" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "message_set_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "reports_responseId_status_idx" ON "reports"("responseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "reports_responseId_reporterId_key" ON "reports"("responseId", "reporterId");

-- CreateIndex
CREATE INDEX "audit_entries_createdAt_idx" ON "audit_entries"("createdAt");

-- CreateIndex
CREATE INDEX "audit_entries_itemType_itemId_idx" ON "audit_entries"("itemType", "itemId");

-- CreateIndex
CREATE INDEX "audit_entries_actorId_createdAt_idx" ON "audit_entries"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "audit_entries_callId_createdAt_idx" ON "audit_entries"("callId", "createdAt");

-- CreateIndex
CREATE INDEX "response_clusters_callId_idx" ON "response_clusters"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "tags_callId_name_key" ON "tags"("callId", "name");

-- CreateIndex
CREATE INDEX "response_tags_tagId_idx" ON "response_tags"("tagId");

-- CreateIndex
CREATE INDEX "excerpts_responseId_idx" ON "excerpts"("responseId");

-- CreateIndex
CREATE INDEX "excerpt_tags_tagId_idx" ON "excerpt_tags"("tagId");

-- CreateIndex
CREATE UNIQUE INDEX "message_sets_slug_key" ON "message_sets"("slug");

-- CreateIndex
CREATE INDEX "message_sets_callId_idx" ON "message_sets"("callId");

-- CreateIndex
CREATE UNIQUE INDEX "message_sections_setId_position_key" ON "message_sections"("setId", "position");

-- CreateIndex
CREATE INDEX "message_paragraphs_setId_idx" ON "message_paragraphs"("setId");

-- CreateIndex
CREATE UNIQUE INDEX "message_paragraphs_sectionId_position_key" ON "message_paragraphs"("sectionId", "position");

-- CreateIndex
CREATE INDEX "citations_paragraphId_idx" ON "citations"("paragraphId");

-- CreateIndex
CREATE INDEX "citations_responseId_idx" ON "citations"("responseId");

-- CreateIndex
CREATE INDEX "citations_excerptId_idx" ON "citations"("excerptId");

-- CreateIndex
CREATE UNIQUE INDEX "message_set_versions_setId_number_key" ON "message_set_versions"("setId", "number");

-- CreateIndex
CREATE INDEX "responses_callId_moderationState_reviewedAt_idx" ON "responses"("callId", "moderationState", "reviewedAt");

-- CreateIndex
CREATE INDEX "responses_clusterId_idx" ON "responses"("clusterId");

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "response_clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_clusters" ADD CONSTRAINT "response_clusters_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_tags" ADD CONSTRAINT "response_tags_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_tags" ADD CONSTRAINT "response_tags_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "excerpt_tags" ADD CONSTRAINT "excerpt_tags_excerptId_fkey" FOREIGN KEY ("excerptId") REFERENCES "excerpts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "excerpt_tags" ADD CONSTRAINT "excerpt_tags_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_sets" ADD CONSTRAINT "message_sets_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_sections" ADD CONSTRAINT "message_sections_setId_fkey" FOREIGN KEY ("setId") REFERENCES "message_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_paragraphs" ADD CONSTRAINT "message_paragraphs_setId_fkey" FOREIGN KEY ("setId") REFERENCES "message_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_paragraphs" ADD CONSTRAINT "message_paragraphs_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "message_sections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "message_paragraphs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_excerptId_fkey" FOREIGN KEY ("excerptId") REFERENCES "excerpts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_set_versions" ADD CONSTRAINT "message_set_versions_setId_fkey" FOREIGN KEY ("setId") REFERENCES "message_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- An excerpt is a non-empty range of its answer.
ALTER TABLE "excerpts" ADD CONSTRAINT "excerpts_range_check" CHECK ("start" >= 0 AND "end" > "start");
-- Report thresholds and participation targets stay in range.
ALTER TABLE "calls" ADD CONSTRAINT "calls_report_threshold_check" CHECK ("reportThreshold" BETWEEN 1 AND 100);
ALTER TABLE "calls" ADD CONSTRAINT "calls_target_min_group_share_check" CHECK ("targetMinGroupShare" IS NULL OR "targetMinGroupShare" BETWEEN 0 AND 100);
-- A paragraph cites an excerpt or a whole response at most once.
CREATE UNIQUE INDEX "citations_paragraph_excerpt_key" ON "citations" ("paragraphId", "excerptId") WHERE "excerptId" IS NOT NULL;
CREATE UNIQUE INDEX "citations_paragraph_response_key" ON "citations" ("paragraphId", "responseId") WHERE "excerptId" IS NULL AND "responseId" IS NOT NULL;
