// The frozen copy a MessageSetVersion holds: sections with their paragraphs (by their stable ids) and each
// paragraph's citations as they were when the version was saved. Read back through this schema, so a
// version written by older code still reads. Pure.
import { z } from "zod";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

const frozenCitation = z.object({
  responseId: z.string().nullable(),
  excerptId: z.string().nullable(),
  reference: z.string(),
  stakeholderGroup: z.enum(StakeholderGroup).nullable(),
  region: z.enum(UnRegion).nullable(),
  quote: z.string().nullable(),
  /** Cited as a campaign: how many signed it (Citation.signatories). Versions saved before read as null. */
  signatories: z.number().int().nullish(),
});

const frozenParagraph = z.object({
  paragraphId: z.string(),
  body: z.string(),
  /** Lineage (MessageParagraph.origins when frozen): ids of paragraphs whose text went into this one by a
   * split or a merge. Versions saved before lineage existed read as []. */
  origins: z.array(z.string()).default([]),
  citations: z.array(frozenCitation),
});

export const versionContentSchema = z.array(
  z.object({ sectionId: z.string().optional(), heading: z.string(), paragraphs: z.array(frozenParagraph) }),
);

export type VersionContent = z.infer<typeof versionContentSchema>;
export type FrozenCitation = z.infer<typeof frozenCitation>;

/** The paragraphs in reading order, numbered 1..n across the whole set (as IGF messages are cited). */
export function numberedParagraphs(content: VersionContent) {
  let number = 0;
  return content.map((section) => ({
    ...section,
    paragraphs: section.paragraphs.map((paragraph) => ({ ...paragraph, number: ++number })),
  }));
}

/**
 * The paragraphs of `content` that carry on paragraph `paragraphId` of an earlier version: the same
 * paragraph (same id, possibly edited or moved), or paragraphs split off from it or merged with it (their
 * origins name it). Empty when it was deleted. Used to keep comments attached across versions.
 */
export function successorsOf(paragraphId: string, content: VersionContent): string[] {
  return content.flatMap((section) =>
    section.paragraphs.filter((p) => p.paragraphId === paragraphId || p.origins.includes(paragraphId)).map((p) => p.paragraphId),
  );
}

/** The ids a paragraph answers to: its own and its origins (comments on any of them belong to it). */
export const lineageOf = (paragraph: { paragraphId: string; origins: string[] }) => [paragraph.paragraphId, ...paragraph.origins];
