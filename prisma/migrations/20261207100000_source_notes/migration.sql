-- Where a set's final downloads list their sources (issue 17 item 6): numbered notes after each section, or an annex.
-- CreateEnum
CREATE TYPE "SourceNotes" AS ENUM ('SECTION', 'ANNEX');

-- AlterTable
ALTER TABLE "message_sets" ADD COLUMN     "sourceNotes" "SourceNotes" NOT NULL DEFAULT 'SECTION';

