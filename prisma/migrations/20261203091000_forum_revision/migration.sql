-- A forum's details carry a revision too (lib/edits/revision.ts), like the other objects editors edit.
-- AlterTable
ALTER TABLE "forums" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

