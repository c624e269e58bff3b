// Reading comments. The public sees published comments only; a signed-in author also sees their own pending
// or hidden ones (with the state and the moderator's reason). The author's name is shown only when they did
// not comment anonymously and still have an account; group and region always. Comments made on an earlier
// version stay attached to the paragraph that carries on the one they were made on (lib/comments/attach.ts).
import "server-only";
import { db } from "@/lib/db";
import type { CommentDisposition, ModerationState, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { placementOf } from "./attach";

export type CommentView = {
  id: string;
  body: string;
  /** The language the body is written in (a locale): `lang` and `dir` where it is shown. */
  language: string;
  name: string | null;
  stakeholderGroup: StakeholderGroup;
  region: UnRegion;
  /** The version number commented on, when it is not the current one. */
  earlierVersion: number | null;
  versionNumber: number;
  moderationState: ModerationState;
  hiddenReason: string | null;
  own: boolean;
  createdAt: Date;
  disposition: CommentDisposition | null;
  dispositionReason: string | null;
  answer: string | null;
  answeredAt: Date | null;
};
export type Thread = CommentView & { paragraphId: string | null; replies: CommentView[] };

type CurrentSet = {
  id: string;
  version: { id: string; number: number };
  sections: { paragraphs: { paragraphId: string; origins: string[]; number: number }[] }[];
};

export type SetComments = {
  /** Per current paragraph id: its threads (filtered by group when asked). */
  byParagraph: Map<string, Thread[]>;
  whole: Thread[];
  removed: Thread[];
  /** Per current paragraph id: published comments, replies included, whatever the filter. */
  counts: Map<string, number>;
  wholeCount: number;
};

export async function setComments(
  viewer: { id: string } | null,
  set: CurrentSet,
  { group }: { group?: StakeholderGroup } = {},
): Promise<SetComments> {
  const visible = viewer
    ? { OR: [{ moderationState: "PUBLISHED" as const }, { authorId: viewer.id }] }
    : { moderationState: "PUBLISHED" as const };
  const rows = await db.comment.findMany({
    where: { setId: set.id, ...visible },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      paragraphId: true,
      parentId: true,
      body: true,
      language: true,
      anonymous: true,
      authorId: true,
      stakeholderGroup: true,
      region: true,
      moderationState: true,
      hiddenReason: true,
      createdAt: true,
      disposition: true,
      dispositionReason: true,
      answer: true,
      answeredAt: true,
      version: { select: { number: true } },
      author: { select: { profile: { select: { displayName: true } } } },
    },
  });
  const view = (row: (typeof rows)[number]): CommentView => ({
    id: row.id,
    body: row.body,
    language: row.language,
    name: row.anonymous ? null : (row.author?.profile?.displayName ?? null),
    stakeholderGroup: row.stakeholderGroup,
    region: row.region,
    versionNumber: row.version.number,
    earlierVersion: row.version.number === set.version.number ? null : row.version.number,
    moderationState: row.moderationState,
    hiddenReason: viewer && row.authorId === viewer.id ? row.hiddenReason : null,
    own: Boolean(viewer && row.authorId === viewer.id),
    createdAt: row.createdAt,
    disposition: row.disposition,
    dispositionReason: row.dispositionReason,
    answer: row.answer,
    answeredAt: row.answeredAt,
  });
  const threads = new Map<string, Thread>();
  for (const row of rows)
    if (row.parentId === null) threads.set(row.id, { ...view(row), paragraphId: row.paragraphId, replies: [] });
  for (const row of rows) if (row.parentId !== null) threads.get(row.parentId)?.replies.push(view(row));

  const result: SetComments = { byParagraph: new Map(), whole: [], removed: [], counts: new Map(), wholeCount: 0 };
  const published = (thread: Thread) =>
    thread.moderationState === "PUBLISHED" ? 1 + thread.replies.filter((r) => r.moderationState === "PUBLISHED").length : 0;
  for (const thread of threads.values()) {
    const placement = placementOf(thread.paragraphId, set.sections);
    const shown = !group || thread.stakeholderGroup === group;
    if (placement.kind === "set") {
      result.wholeCount += published(thread);
      if (shown) result.whole.push(thread);
    } else if (placement.kind === "removed") {
      if (shown) result.removed.push(thread);
    } else {
      for (const id of placement.ids) {
        result.counts.set(id, (result.counts.get(id) ?? 0) + published(thread));
        if (shown) result.byParagraph.set(id, [...(result.byParagraph.get(id) ?? []), thread]);
      }
    }
  }
  return result;
}

/** The call's glossary, shown beside the draft messages. */
export async function setGlossary(setId: string) {
  const set = await db.messageSet.findUnique({
    where: { id: setId },
    select: {
      call: { select: { glossary: { orderBy: { position: "asc" }, select: { id: true, term: true, definition: true } } } },
    },
  });
  return set?.call.glossary ?? [];
}
