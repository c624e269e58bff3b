/*
  Warnings:

  - A unique constraint covering the columns `[referencePrefix]` on the table `calls` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "calls" ALTER COLUMN "referencePrefix" DROP DEFAULT;

-- Calls that share a prefix (possible before this migration) keep the oldest as it is, the others get a
-- suffix, so receipt numbers stay unique across the platform. Receipts already given keep their text.
UPDATE "calls" SET "referencePrefix" = left("referencePrefix", 6) || upper(substr(md5("id"), 1, 4))
WHERE "id" NOT IN (SELECT DISTINCT ON ("referencePrefix") "id" FROM "calls" ORDER BY "referencePrefix", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "calls_referencePrefix_key" ON "calls"("referencePrefix");
