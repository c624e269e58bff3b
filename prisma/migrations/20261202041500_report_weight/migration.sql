-- Reports weigh toward the automatic hide only when the reporter was established when reporting
-- (lib/moderation/threshold.ts): an account at least 24 hours old with a published response or comment.
ALTER TABLE "reports" ADD COLUMN "countsTowardHide" BOOLEAN NOT NULL DEFAULT false;

-- Existing reports are weighed by the same rule, as of the moment each was made.
UPDATE "reports" p SET "countsTowardHide" = true
FROM "users" u
WHERE u.id = p."reporterId"
  AND u."createdAt" <= p."createdAt" - INTERVAL '24 hours'
  AND (
    EXISTS (
      SELECT 1 FROM "responses" r
      WHERE r."authorId" = u.id AND r.status = 'SUBMITTED' AND r."moderationState" = 'PUBLISHED'
        AND r."submittedAt" <= p."createdAt"
    )
    OR EXISTS (
      SELECT 1 FROM "comments" c
      WHERE c."authorId" = u.id AND c."moderationState" = 'PUBLISHED' AND c."createdAt" <= p."createdAt"
    )
  );
