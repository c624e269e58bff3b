-- Consent is the author's choice, never a default: a new draft has none (NULL) until the author picks a
-- tier, and a submission requires one (lib/responses/schemas.ts). Existing rows keep their value: for
-- submitted and withdrawn responses it was submitted; for existing drafts a chosen value cannot be told
-- from the old default, so they keep it too (the form shows it as chosen).
ALTER TABLE "responses" ALTER COLUMN "consent" DROP DEFAULT;
ALTER TABLE "responses" ALTER COLUMN "consent" DROP NOT NULL;
