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
});

const frozenParagraph = z.object({ paragraphId: z.string(), body: z.string(), citations: z.array(frozenCitation) });

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
