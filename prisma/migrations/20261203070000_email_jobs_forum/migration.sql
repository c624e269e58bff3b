-- Each email is filed under the forum it is about, so a forum's facilitators see its emails on the email
-- page (an administrator sees all). Null: an email of the platform, for administrators only.
ALTER TABLE "email_jobs" ADD COLUMN "forumId" TEXT;

CREATE INDEX "email_jobs_forumId_status_idx" ON "email_jobs"("forumId", "status");

ALTER TABLE "email_jobs" ADD CONSTRAINT "email_jobs_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "forums"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Emails queued before: their forum from the dedupe key ("<event>:<id>:…", lib/notifications/events.ts,
-- lib/responses/receipt-mail.ts) or, for an appointment's email, from the item it was written from.
UPDATE "email_jobs" e SET "forumId" = c."forumId"
  FROM "responses" r JOIN "calls" c ON c.id = r."callId"
 WHERE e."dedupeKey" LIKE 'receipt:%' AND r.id = split_part(e."dedupeKey", ':', 2);

UPDATE "email_jobs" e SET "forumId" = c."forumId"
  FROM "message_set_versions" v JOIN "message_sets" s ON s.id = v."setId" JOIN "calls" c ON c.id = s."callId"
 WHERE (e."dedupeKey" LIKE 'draft-opened:%' OR e."dedupeKey" LIKE 'final-published:%')
   AND v.id = split_part(e."dedupeKey", ':', 2);

UPDATE "email_jobs" e SET "forumId" = c."forumId"
  FROM "comments" m JOIN "message_sets" s ON s.id = m."setId" JOIN "calls" c ON c.id = s."callId"
 WHERE (e."dedupeKey" LIKE 'comment-reply:%' OR e."dedupeKey" LIKE 'comment-answered:%')
   AND m.id = split_part(e."dedupeKey", ':', 2);

UPDATE "email_jobs" e SET "forumId" = f.id
  FROM "forums" f
 WHERE (e."dedupeKey" LIKE 'forum-appointed:%' OR e."dedupeKey" LIKE 'forum-removed:%')
   AND f.id = e."template" -> 'item' ->> 'forumId';
