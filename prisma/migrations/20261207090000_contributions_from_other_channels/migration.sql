-- Contributions from other channels (issue 17): a contribution received by email, on a mailing list, in a session or by
-- letter is recorded by a moderator (responses.enteredById) with the name as received (contributorName) and its channel;
-- a session's summary counts its speakers per group (session_speakers).
-- CreateEnum
CREATE TYPE "ContributionChannel" AS ENUM ('FORM', 'EMAIL', 'MAILING_LIST', 'SESSION', 'LETTER');

-- AlterTable
ALTER TABLE "responses" ADD COLUMN     "channel" "ContributionChannel" NOT NULL DEFAULT 'FORM',
ADD COLUMN     "contributorName" TEXT,
ADD COLUMN     "enteredById" TEXT;

-- CreateTable
CREATE TABLE "session_speakers" (
    "responseId" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "session_speakers_pkey" PRIMARY KEY ("responseId","stakeholderGroup")
);

-- CreateIndex
CREATE INDEX "responses_enteredById_idx" ON "responses"("enteredById");

-- AddForeignKey
ALTER TABLE "responses" ADD CONSTRAINT "responses_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_speakers" ADD CONSTRAINT "session_speakers_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What only a moderator records carries who recorded it; a contribution through the form never does.
ALTER TABLE "responses" ADD CONSTRAINT "responses_channel_entered_check"
  CHECK ("channel" <> 'FORM' OR ("enteredById" IS NULL AND "contributorName" IS NULL));

-- A session counts at least one speaker of each group it lists.
ALTER TABLE "session_speakers" ADD CONSTRAINT "session_speakers_count_check" CHECK ("count" >= 1);

-- A recorded contribution sent twice (a double click, a retried request) is one contribution: its form's key is unique per call.
CREATE UNIQUE INDEX "responses_intake_key" ON "responses"("callId", "lastSubmitKey") WHERE "channel" <> 'FORM';
