-- The thematic track is translated with the rest of a call.
ALTER TABLE "call_translations" ADD COLUMN "thematicTrack" TEXT NOT NULL DEFAULT '';
