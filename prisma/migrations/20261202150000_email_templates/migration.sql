-- What the worker needs to write an email again at send time, in the recipient's language of that moment:
-- the template's name and its item (lib/notifications/render.ts). Null for rows queued before, sent as stored.
ALTER TABLE "email_jobs" ADD COLUMN "template" JSONB;
