// What changed between two frozen versions of a message set, paragraph by paragraph. Paragraphs are aligned
// by identity (their stable id and their lineage, MessageParagraph.origins), never by position or text:
// - kept (same id in both): unchanged, edited, moved (other heading, or its order among the paragraphs kept
//   in both changed), or moved and edited;
// - split: a new paragraph whose origins name a paragraph of `from` was split off from it; the parent's text
//   is compared with the parent and all its split-off parts together, so a pure split shows no edit;
// - merged: a `from` paragraph gone from `to` whose id lives on in the origins of a kept paragraph; that
//   paragraph's old text is its own followed by the merged ones, so a pure merge shows no edit;
// - added (new, no lineage in `from`) and removed (gone, nothing carries it on).
// Headings are aligned by section id. Numbers are those readers cite (1..n across the set). Pure, no DB.
import { numberedParagraphs, type VersionContent } from "./content";
import { diffWords, type DiffToken } from "./words";

export type ParagraphStatus = "unchanged" | "edited" | "moved" | "added" | "removed" | "split" | "merged";

export type ParagraphDiff = {
  /** Unique in the diff (a paragraph gone from `to` and one in it may share an id only if one is `from`'s). */
  key: string;
  /** Its id in `to`, or in `from` when it is no longer there. */
  paragraphId: string;
  status: ParagraphStatus;
  /** The words changed (white space alone does not count). */
  edited: boolean;
  moved: boolean;
  fromNumber: number | null;
  toNumber: number | null;
  fromHeading: string | null;
  toHeading: string | null;
  /** From-number of the paragraph this one was split off from. */
  splitFrom: number | null;
  /** To-numbers of the paragraphs split off from this one. */
  splitInto: number[];
  /** From-numbers of the paragraphs merged into this one. */
  mergedWith: number[];
  /** To-number of the paragraph this one was merged into. */
  mergedInto: number | null;
  /** The text: `to`'s with the changes from `from` marked (equal/insert/delete); `from`'s when it is gone. */
  tokens: DiffToken[];
  /** The ids whose comments belong to this paragraph (its own and its origins). */
  lineage: string[];
};

export type SectionDiff = {
  key: string;
  status: "unchanged" | "renamed" | "added" | "removed";
  headingFrom: string | null;
  headingTo: string | null;
  headingTokens: DiffToken[];
  paragraphs: ParagraphDiff[];
};

export type VersionDiff = { sections: SectionDiff[]; counts: Record<ParagraphStatus, number> };

/** Never in a text (removed from bodies): marks where one paragraph ends and the next begins. */
const BREAK = "\u0000";
const clean = (body: string) => body.replaceAll(BREAK, "");

type Located = {
  paragraphId: string;
  body: string;
  origins: string[];
  number: number;
  sectionKey: string;
  heading: string;
  order: number;
};

function locate(content: VersionContent) {
  const list: Located[] = [];
  const sections = numberedParagraphs(content).map((section, index) => {
    const key = section.sectionId ?? `heading:${index}:${section.heading}`;
    for (const p of section.paragraphs)
      list.push({
        paragraphId: p.paragraphId,
        body: clean(p.body),
        origins: p.origins,
        number: p.number,
        sectionKey: key,
        heading: section.heading,
        order: list.length,
      });
    return { key, heading: section.heading };
  });
  return { sections, list, byId: new Map(list.map((p) => [p.paragraphId, p])) };
}

/** The ids of the longest common subsequence of two id lists (those not in it changed their order). */
function stableOrder(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return kept;
}

/** Diffs the old texts (joined as paragraphs) against the new parts and hands each part its own tokens. */
function groupDiff(before: string[], after: string[]): DiffToken[][] {
  const tokens = diffWords(before.join("\n\n"), after.join(BREAK));
  const parts: DiffToken[][] = after.map(() => []);
  let part = 0;
  for (const token of tokens) {
    const pieces = token.text.split(BREAK);
    pieces.forEach((text, index) => {
      if (index > 0) part = Math.min(part + 1, parts.length - 1);
      if (text) parts[part]!.push({ type: token.type, text });
    });
  }
  return parts;
}

const changed = (tokens: DiffToken[]) => tokens.some((t) => t.type !== "equal" && t.text.trim() !== "");

function entry(
  p: Partial<ParagraphDiff> & Pick<ParagraphDiff, "key" | "paragraphId" | "status" | "tokens" | "lineage">,
): ParagraphDiff {
  return {
    edited: false,
    moved: false,
    fromNumber: null,
    toNumber: null,
    fromHeading: null,
    toHeading: null,
    splitFrom: null,
    splitInto: [],
    mergedWith: [],
    mergedInto: null,
    ...p,
  };
}

export function diffVersions(fromContent: VersionContent, toContent: VersionContent): VersionDiff {
  const from = locate(fromContent);
  const to = locate(toContent);
  const kept = to.list.filter((p) => from.byId.has(p.paragraphId));
  const stable = stableOrder(
    from.list.filter((p) => to.byId.has(p.paragraphId)).map((p) => p.paragraphId),
    kept.map((p) => p.paragraphId),
  );

  // A new paragraph's parent: the latest of its origins present in `from` (origins are appended in order).
  const parentOf = new Map<string, string>();
  for (const p of to.list) {
    if (from.byId.has(p.paragraphId)) continue;
    const parent = [...p.origins].reverse().find((id) => from.byId.has(id));
    if (parent) parentOf.set(p.paragraphId, parent);
  }
  const children = new Map<string, Located[]>();
  for (const p of to.list) {
    const parent = parentOf.get(p.paragraphId);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  // A paragraph gone from `to` whose id a kept paragraph carries in its origins was merged into it.
  const mergedInto = new Map<string, Located>();
  for (const p of from.list) {
    if (to.byId.has(p.paragraphId)) continue;
    const target = kept.find((k) => k.origins.includes(p.paragraphId));
    if (target) mergedInto.set(p.paragraphId, target);
  }

  const entries = new Map<string, ParagraphDiff>(); // by `to` id, or "from:" + id for paragraphs gone
  const fromEntry = new Map<string, string>(); // from id → entries key

  // Groups: a kept paragraph with what was merged into it and what was split off from it, or a paragraph
  // gone from `to` with the parts split off from it.
  for (const head of from.list) {
    const headKept = to.byId.get(head.paragraphId);
    const parts = [...(headKept ? [headKept] : []), ...(children.get(head.paragraphId) ?? [])];
    const merged = headKept ? from.list.filter((p) => mergedInto.get(p.paragraphId) === headKept) : [];
    const tokens = parts.length
      ? groupDiff(
          [head, ...merged].map((p) => p.body),
          parts.map((p) => p.body),
        )
      : [];
    parts.forEach((part, index) => {
      const own = part === headKept;
      const moved = own && (part.sectionKey !== head.sectionKey || !stable.has(part.paragraphId));
      const edited = changed(tokens[index]!);
      entries.set(
        part.paragraphId,
        entry({
          key: part.paragraphId,
          paragraphId: part.paragraphId,
          status: !own ? "split" : moved ? "moved" : edited ? "edited" : "unchanged",
          edited,
          moved,
          fromNumber: own ? head.number : null,
          toNumber: part.number,
          fromHeading: own ? head.heading : null,
          toHeading: part.heading,
          splitFrom: own ? null : head.number,
          splitInto: own ? (children.get(head.paragraphId) ?? []).map((c) => c.number) : [],
          mergedWith: own ? merged.map((m) => m.number) : [],
          tokens: tokens[index]!,
          lineage: [part.paragraphId, ...part.origins],
        }),
      );
      if (own) fromEntry.set(head.paragraphId, part.paragraphId);
    });
    if (headKept) continue;
    const target = mergedInto.get(head.paragraphId);
    const key = `from:${head.paragraphId}`;
    entries.set(
      key,
      entry({
        key,
        paragraphId: head.paragraphId,
        status: target ? "merged" : parts.length ? "split" : "removed",
        fromNumber: head.number,
        fromHeading: head.heading,
        mergedInto: target?.number ?? null,
        splitInto: target ? [] : parts.map((p) => p.number),
        tokens: target || parts.length ? [] : [{ type: "delete", text: head.body }],
        lineage: [head.paragraphId],
      }),
    );
    fromEntry.set(head.paragraphId, key);
  }
  for (const p of to.list)
    if (!entries.has(p.paragraphId))
      entries.set(
        p.paragraphId,
        entry({
          key: p.paragraphId,
          paragraphId: p.paragraphId,
          status: "added",
          toNumber: p.number,
          toHeading: p.heading,
          tokens: [{ type: "insert", text: p.body }],
          lineage: [p.paragraphId, ...p.origins],
        }),
      );

  // Sections in `to`'s order, then the paragraphs gone placed after their predecessor in `from`.
  const fromSections = new Map(from.sections.map((s) => [s.key, s]));
  const toKeys = new Set(to.sections.map((s) => s.key));
  const sections: SectionDiff[] = to.sections.map((s) => {
    const old = fromSections.get(s.key);
    return {
      key: s.key,
      status: !old ? "added" : old.heading === s.heading ? "unchanged" : "renamed",
      headingFrom: old?.heading ?? null,
      headingTo: s.heading,
      headingTokens: old ? diffWords(old.heading, s.heading) : [{ type: "insert", text: s.heading }],
      paragraphs: to.list.filter((p) => p.sectionKey === s.key).map((p) => entries.get(p.paragraphId)!),
    };
  });
  from.sections.forEach((s, index) => {
    if (toKeys.has(s.key)) return;
    const removed: SectionDiff = {
      key: s.key,
      status: "removed",
      headingFrom: s.heading,
      headingTo: null,
      headingTokens: [{ type: "delete", text: s.heading }],
      paragraphs: [],
    };
    const before = from.sections
      .slice(0, index)
      .reverse()
      .find((b) => sections.some((x) => x.key === b.key));
    sections.splice(before ? sections.findIndex((x) => x.key === before.key) + 1 : 0, 0, removed);
  });
  const byKey = new Map(sections.map((s) => [s.key, s]));
  for (const p of from.list) {
    if (to.byId.has(p.paragraphId)) continue;
    const section = byKey.get(p.sectionKey)!;
    const earlier = from.list.filter((q) => q.sectionKey === p.sectionKey && q.order < p.order).reverse();
    let at = 0;
    for (const q of earlier) {
      const index = section.paragraphs.findIndex((e) => e.key === fromEntry.get(q.paragraphId));
      if (index >= 0) {
        at = index + 1;
        break;
      }
    }
    section.paragraphs.splice(at, 0, entries.get(`from:${p.paragraphId}`)!);
  }

  const counts: Record<ParagraphStatus, number> = {
    unchanged: 0,
    edited: 0,
    moved: 0,
    added: 0,
    removed: 0,
    split: 0,
    merged: 0,
  };
  for (const e of entries.values()) counts[e.status]++;
  return { sections, counts };
}
