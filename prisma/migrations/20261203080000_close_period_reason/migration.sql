-- A comment period closed (or, not yet open, cancelled) before its announced end says when, why and what
-- end had been announced (lib/messages/versions.ts closeCommentPeriod). Earlier closes keep nulls.
-- AlterTable
ALTER TABLE "message_set_versions" ADD COLUMN     "commentAnnouncedClosesAt" TIMESTAMPTZ(3),
ADD COLUMN     "commentClosedEarlyAt" TIMESTAMPTZ(3),
ADD COLUMN     "commentClosedEarlyReason" TEXT;

-- All three or none; the reason is never blank.
ALTER TABLE "message_set_versions" ADD CONSTRAINT "message_set_versions_closed_early"
  CHECK (
    num_nonnulls("commentClosedEarlyAt", "commentClosedEarlyReason", "commentAnnouncedClosesAt") IN (0, 3)
    AND ("commentClosedEarlyReason" IS NULL OR length(btrim("commentClosedEarlyReason")) > 0)
  );
