/*
  Warnings:

  - A unique constraint covering the columns `[reference]` on the table `responses` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "Consent" AS ENUM ('PUBLISH_NAMED', 'PUBLISH_ANONYMOUS', 'PRIVATE');

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "lastReference" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "referencePrefix" TEXT NOT NULL DEFAULT 'CFC';

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "consent" "Consent" NOT NULL DEFAULT 'PUBLISH_NAMED',
ADD COLUMN     "lastSubmitKey" TEXT,
ADD COLUMN     "reference" TEXT,
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "response_versions" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "consent" "Consent" NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "response_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "glossary_terms" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "glossary_terms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_versions_responseId_version_key" ON "response_versions"("responseId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "attachments_storageKey_key" ON "attachments"("storageKey");

-- CreateIndex
CREATE INDEX "attachments_responseId_idx" ON "attachments"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "glossary_terms_callId_position_key" ON "glossary_terms"("callId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "responses_reference_key" ON "responses"("reference");

-- CreateIndex
CREATE INDEX "responses_searchVector_idx" ON "responses" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "response_versions" ADD CONSTRAINT "response_versions_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_callId_fkey" FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
