-- Issue 14: the email outbox also carries service emails (receipts), which have no notification kind and
-- cannot be turned off; rows are sent by pg-boss jobs (schema "pgboss", installed by the worker).
ALTER TABLE "email_jobs" ALTER COLUMN "kind" DROP NOT NULL;

-- Stored files that may have lost their row: an upload whose row was never written (due after a grace
-- period) or a file whose row was deleted (due at once). The files-cleanup job removes each one that no
-- attachment names, then its row here.
CREATE TABLE "storage_orphans" (
    "key" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "storage_orphans_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "storage_orphans_dueAt_idx" ON "storage_orphans"("dueAt");
