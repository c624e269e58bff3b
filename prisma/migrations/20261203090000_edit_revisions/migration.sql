-- What an editor edits carries a revision, counted up by each save of it (lib/edits/revision.ts): a save
-- made from an older revision is refused with the newer text shown, so two people editing at once lose nothing.
-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "excerpts" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "message_paragraphs" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "message_sections" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "message_sets" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "tags" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

