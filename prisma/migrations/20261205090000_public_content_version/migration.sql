-- The version of everything the public can see (lib/cache/public.ts). A write to a table the public reads bumps it in
-- the same transaction, at commit (a deferred constraint trigger: the row is locked only while the transaction
-- commits, and bumped once per transaction), so a cached public read is served only while the version it was made at
-- is still the current one: on every instance of the app, whichever process wrote (a server action, a route handler,
-- the worker, a script, psql). `epoch` is new with each database, so a database made again from scratch (the tests
-- do) never matches an entry cached before.
CREATE TABLE "public_content_version" (
  "id" INTEGER NOT NULL DEFAULT 1,
  "epoch" TEXT NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
  "version" BIGINT NOT NULL DEFAULT 0,
  "lastXact" xid8,
  CONSTRAINT "public_content_version_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "public_content_version_single_row" CHECK ("id" = 1)
);
INSERT INTO "public_content_version" ("id") VALUES (1);

CREATE FUNCTION bump_public_content_version() RETURNS void LANGUAGE sql AS $$
  UPDATE "public_content_version" SET "version" = "version" + 1, "lastXact" = pg_current_xact_id()
    WHERE "id" = 1 AND "lastXact" IS DISTINCT FROM pg_current_xact_id();
$$;

CREATE FUNCTION public_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_public_content_version();
  RETURN NULL;
END
$$;

-- A draft is not public: its autosave (the response row, its answers, its files) leaves the cache alone.
CREATE FUNCTION public_response_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."status" <> 'DRAFT' OR (TG_OP = 'UPDATE' AND OLD."status" <> 'DRAFT') THEN
    PERFORM bump_public_content_version();
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION public_response_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  response_id TEXT := CASE WHEN TG_OP = 'DELETE' THEN OLD."responseId" ELSE NEW."responseId" END;
BEGIN
  IF TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM "responses" WHERE "id" = response_id AND "status" <> 'DRAFT') THEN
    PERFORM bump_public_content_version();
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t TEXT;
BEGIN
  -- Every table a public page or the open data API reads. (users: a deleted account; profiles: the name and
  -- organisation shown with a named response or comment.)
  FOREACH t IN ARRAY ARRAY['forums', 'forum_appointments', 'calls', 'call_translations', 'questions', 'glossary_terms',
    'response_versions', 'response_clusters', 'excerpts', 'citations', 'message_sets', 'message_sections',
    'message_paragraphs', 'message_set_versions', 'message_set_version_translations', 'comments', 'users', 'profiles']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION public_content_changed()', t || '_public_content', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['answers', 'attachments']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED
      FOR EACH ROW EXECUTE FUNCTION public_response_part_changed()', t || '_public_content', t);
  END LOOP;
  -- TRUNCATE fires no row trigger.
  FOREACH t IN ARRAY ARRAY['forums', 'forum_appointments', 'calls', 'call_translations', 'questions', 'glossary_terms',
    'responses', 'response_versions', 'response_clusters', 'excerpts', 'citations', 'message_sets', 'message_sections',
    'message_paragraphs', 'message_set_versions', 'message_set_version_translations', 'comments', 'users', 'profiles',
    'answers', 'attachments']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION public_content_changed()',
      t || '_public_content_truncate', t);
  END LOOP;
END
$$;

CREATE CONSTRAINT TRIGGER "responses_public_content" AFTER INSERT OR UPDATE OR DELETE ON "responses"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public_response_changed();
