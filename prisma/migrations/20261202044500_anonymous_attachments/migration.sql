-- Attachments of responses published without the author's name are served to the public as a copy without
-- document properties (lib/attachments/strip.ts); the original stays for the author and moderators.
ALTER TABLE "attachments" ADD COLUMN "publicStorageKey" TEXT;
ALTER TABLE "attachments" ADD COLUMN "publicSize" INTEGER;
CREATE UNIQUE INDEX "attachments_publicStorageKey_key" ON "attachments"("publicStorageKey");

-- The author's answer for such files: keep them private (true) or publish them, having confirmed that their
-- text does not name them (false). Null: not asked (no files, or not anonymous).
ALTER TABLE "responses" ADD COLUMN "attachmentsPrivate" BOOLEAN;
