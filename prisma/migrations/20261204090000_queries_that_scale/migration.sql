-- Queries that scale (issue 18): the public reads of a call with 100,000 responses in well under 100 ms.

-- When a response was first submitted (its version 1), kept on the row so the growth chart groups arrivals by
-- day in one index-only scan instead of looking up the versions of every response. Maintained with each
-- version by lib/responses/record.ts (recordVersion): the earliest submittedAt of the response's versions;
-- null while it has none (then its submittedAt is its arrival, as before).
ALTER TABLE "responses" ADD COLUMN "firstSubmittedAt" TIMESTAMPTZ(3);

UPDATE "responses" r SET "firstSubmittedAt" = v.first
FROM (SELECT "responseId", min("submittedAt") AS first FROM "response_versions" GROUP BY "responseId") v
WHERE v."responseId" = r.id;

-- The public list of a call's responses in its order (submittedAt, id), newest or oldest first: a page, and a
-- page far down the list (the keyset is the index's bound), is read without sorting the call.
CREATE INDEX "responses_callId_submittedAt_id_idx" ON "responses"("callId", "submittedAt", "id");

-- The counts of the public reads (published, counted, by group × region, by campaign: lib/responses/public.ts,
-- lib/insights/source.ts, lib/api/responses.ts) as index-only scans: equal keys share one entry (deduplication),
-- so 100,000 responses make a few hundred kilobytes, and the wide rows (the search index) are never read.
CREATE INDEX "responses_public_counts_idx" ON "responses"("callId", "status", "moderationState", "consent", "stakeholderGroup", "region", "clusterId");

-- The growth chart's arrivals per day, index-only (lib/insights/source.ts).
CREATE INDEX "responses_arrivals_idx" ON "responses"("callId", "status", "moderationState", "firstSubmittedAt", "submittedAt");

-- The answered questions of the list's "answered this question" filter (lib/responses/public.ts): a partial
-- index, which schema.prisma cannot express (like the partial unique indexes of citations), read index-only.
CREATE INDEX "answers_answered_idx" ON "answers"("questionId", "responseId") WHERE btrim("text") <> '' OR cardinality("choices") > 0;
