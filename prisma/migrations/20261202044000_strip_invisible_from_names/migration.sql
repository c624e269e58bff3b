-- Display spoofing (issue 11, item 7): names and organisations stored before the profile schema stripped
-- bidi controls and invisible characters are cleaned the same way (`stripInvisible` in
-- lib/validation/display.ts). PostgreSQL's regular expressions have no Unicode script classes, so a
-- zero-width (non-)joiner is removed where it cannot be joining a non-Latin word: at the start or end,
-- beside a space, another joiner, ASCII or a Latin letter (U+00A0–024F, U+1E00–1EFF); elsewhere
-- (Persian, Indic, emoji sequences) it is kept, as the schema keeps it.
CREATE FUNCTION "strip_invisible_display_text"(value TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
  SELECT btrim(regexp_replace(
    regexp_replace(value, '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]', '', 'g'),
    '(^|(?<=[\s\u0000-\u007F\u00A0-\u024F\u1E00-\u1EFF\u200C\u200D]))[\u200C\u200D]|[\u200C\u200D]($|(?=[\s\u0000-\u007F\u00A0-\u024F\u1E00-\u1EFF\u200C\u200D]))',
    '', 'g'
  ))
$$;

-- A name that was nothing but invisible characters becomes "-" (the column is required); an organisation
-- becomes empty (NULL), as the form stores it.
UPDATE "profiles" SET "displayName" = COALESCE(NULLIF("strip_invisible_display_text"("displayName"), ''), '-')
  WHERE "displayName" <> COALESCE(NULLIF("strip_invisible_display_text"("displayName"), ''), '-');
UPDATE "profiles" SET
    "organisation" = NULLIF("strip_invisible_display_text"("organisation"), ''),
    "onBehalfOf" = NULLIF("strip_invisible_display_text"("onBehalfOf"), '')
  WHERE "organisation" IS DISTINCT FROM NULLIF("strip_invisible_display_text"("organisation"), '')
     OR "onBehalfOf" IS DISTINCT FROM NULLIF("strip_invisible_display_text"("onBehalfOf"), '');
UPDATE "responses" SET
    "organisation" = NULLIF("strip_invisible_display_text"("organisation"), ''),
    "onBehalfOf" = NULLIF("strip_invisible_display_text"("onBehalfOf"), '')
  WHERE "organisation" IS DISTINCT FROM NULLIF("strip_invisible_display_text"("organisation"), '')
     OR "onBehalfOf" IS DISTINCT FROM NULLIF("strip_invisible_display_text"("onBehalfOf"), '');

DROP FUNCTION "strip_invisible_display_text"(TEXT);
