-- A forum's publication template (issue 17 item 6): about, contact and logo on its final messages; a set's abstract.
-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "logoKey" TEXT,
ADD COLUMN     "logoType" TEXT,
ADD COLUMN     "logoUpdatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "publicationAbout" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publicationContact" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "message_sets" ADD COLUMN     "abstract" TEXT NOT NULL DEFAULT '';


-- A logo is its key and its type together.
ALTER TABLE "forums" ADD CONSTRAINT "forums_logo_check" CHECK (("logoKey" IS NULL) = ("logoType" IS NULL));
