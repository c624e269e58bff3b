-- Languages: each person's language, the language of calls, message sets, responses and comments, and
-- moderators' translations of calls and of message set versions. Locales are those of lib/i18n/config.ts.

ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check"
  CHECK ("locale" IS NULL OR "locale" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'));

ALTER TABLE "calls" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "calls" ADD CONSTRAINT "calls_language_check"
  CHECK ("language" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'));

ALTER TABLE "message_sets" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "message_sets" ADD CONSTRAINT "message_sets_language_check"
  CHECK ("language" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'));

ALTER TABLE "responses" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "responses" ADD CONSTRAINT "responses_language_check"
  CHECK ("language" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'));

ALTER TABLE "comments" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "comments" ADD CONSTRAINT "comments_language_check"
  CHECK ("language" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'));

CREATE TABLE "call_translations" (
    "callId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "introduction" TEXT NOT NULL DEFAULT '',
    "questions" JSONB NOT NULL DEFAULT '{}',
    "glossary" JSONB NOT NULL DEFAULT '{}',
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "call_translations_pkey" PRIMARY KEY ("callId","locale"),
    CONSTRAINT "call_translations_locale_check" CHECK ("locale" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'))
);

ALTER TABLE "call_translations" ADD CONSTRAINT "call_translations_callId_fkey"
  FOREIGN KEY ("callId") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "message_set_version_translations" (
    "versionId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "introduction" TEXT NOT NULL DEFAULT '',
    "content" JSONB NOT NULL DEFAULT '{}',
    "updatedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_set_version_translations_pkey" PRIMARY KEY ("versionId","locale"),
    CONSTRAINT "message_set_version_translations_locale_check"
      CHECK ("locale" IN ('en', 'ar', 'es', 'fr', 'ru', 'zh'))
);

ALTER TABLE "message_set_version_translations" ADD CONSTRAINT "message_set_version_translations_versionId_fkey"
  FOREIGN KEY ("versionId") REFERENCES "message_set_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
