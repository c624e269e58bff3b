// Where a comment belongs in the current version. Comments are written against the paragraph ids of the
// version they were made on; a later version may have edited, moved, split or merged that paragraph. A
// paragraph still there (same id) keeps its comments; otherwise they go to its successors (paragraphs whose
// lineage names it, lib/messages/content.ts); with none, the paragraph was removed. Pure.
import { successorsOf, type VersionContent } from "@/lib/messages/content";

export type Placement = { kind: "set" } | { kind: "paragraphs"; ids: string[] } | { kind: "removed" };

type Paragraphs = { paragraphs: { paragraphId: string; origins: string[] }[] }[];

export function placementOf(paragraphId: string | null, current: Paragraphs): Placement {
  if (paragraphId === null) return { kind: "set" };
  if (current.some((s) => s.paragraphs.some((p) => p.paragraphId === paragraphId)))
    return { kind: "paragraphs", ids: [paragraphId] };
  const content: VersionContent = current.map((section) => ({
    heading: "",
    paragraphs: section.paragraphs.map((p) => ({ paragraphId: p.paragraphId, origins: p.origins, body: "", citations: [] })),
  }));
  const ids = successorsOf(paragraphId, content);
  return ids.length ? { kind: "paragraphs", ids } : { kind: "removed" };
}
