// The checklist before a version is marked final (issue 17): what the final text would publish with gaps.
// - every paragraph of the version cites at least one source (an unsourced paragraph reads as the
//   moderators' own view in an IGF document);
// - every comment on the set (any version; top-level, not hidden) has an answer: its disposition;
// - the introduction has been read again: only a person can say so, by ticking a box on the form (the
//   schema asks for it; the audit entry of the finalisation keeps it).
// Gaps do not forbid a final text (a framing paragraph may stand without a source), but marking final with
// them needs a second, explicit tick: finaliseVersion refuses otherwise and names the gaps.
import "server-only";
import type { DbClient } from "@/lib/db";
import { numberedParagraphs, versionContentSchema } from "./content";

export type FinalChecklist = {
  /** Numbers of the version's paragraphs (as published) that cite no source. */
  unsourced: number[];
  /** Top-level comments on any version of the set, not hidden, without an answer. */
  unanswered: number;
  /** Whether the version has an introduction to read again (an empty one has nothing to review). */
  introduction: boolean;
};

export async function readChecklist(client: Pick<DbClient, "messageSetVersion" | "comment">, versionId: string) {
  const version = await client.messageSetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { setId: true, content: true, introduction: true, set: { select: { introduction: true } } },
  });
  const content = numberedParagraphs(versionContentSchema.parse(version.content));
  const unsourced = content.flatMap((section) =>
    section.paragraphs.filter((paragraph) => paragraph.citations.length === 0).map((paragraph) => paragraph.number),
  );
  const unanswered = await client.comment.count({
    where: { setId: version.setId, parentId: null, moderationState: { not: "HIDDEN" }, disposition: null },
  });
  const introduction = (version.introduction ?? version.set.introduction).trim().length > 0;
  return { unsourced, unanswered, introduction } satisfies FinalChecklist;
}

export const hasGaps = (checklist: FinalChecklist) => checklist.unsourced.length > 0 || checklist.unanswered > 0;
