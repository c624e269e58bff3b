// The moderators' view of a set's comments: the tabs of every moderated item (lib/moderation/item-queue.ts),
// and answered (with a disposition) and all. Each comment says where it belongs in the
// latest published version (paragraph number) and which version it was made on. Authors are not named
// (moderators judge the text; group and region give the context); reporters are (lib/moderation/report-view.ts).
// Reading needs "forum.read" in the set's forum (observers read it too); the forumId tells the page whether
// to show the forms.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { numberedParagraphs, versionContentSchema } from "@/lib/messages/content";
import type { Moderator } from "@/lib/moderation/permissions";
import { ITEM_QUEUE_SELECT, ITEM_TABS, readQueue } from "@/lib/moderation/item-queue";
import { placementOf } from "./attach";
import { COMMENT_LIMITS, COMMENT_TABS, type CommentTab } from "./schemas";

const tabWhere = (setId: string, tab: CommentTab): Prisma.CommentWhereInput => {
  if (tab === "answered") return { setId, disposition: { not: null } };
  if (tab === "all") return { setId };
  return { setId, ...ITEM_TABS[tab] };
};

export async function listCommentQueue(actor: Moderator, setId: string, tab: CommentTab, page = 1) {
  authorizeIn(actor, "forum.read", await forumOf(db, "messageSet", setId), "messageSetNotFound");
  const set = await db.messageSet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      callId: true,
      call: { select: { forumId: true, title: true, moderationMode: true, reportThreshold: true, timeZone: true } },
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, content: true },
      },
    },
  });
  if (!set) throw NotFound("messageSetNotFound");
  const queue = await readQueue(
    {
      tabs: COMMENT_TABS,
      where: (t: CommentTab) => tabWhere(setId, t),
      count: (where) => db.comment.count({ where }),
      rows: (page) =>
        db.comment.findMany({
          ...page,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            ...ITEM_QUEUE_SELECT,
            paragraphId: true,
            parentId: true,
            body: true,
            language: true,
            stakeholderGroup: true,
            region: true,
            createdAt: true,
            disposition: true,
            dispositionReason: true,
            answer: true,
            answeredAt: true,
            version: { select: { number: true } },
            parent: { select: { body: true, language: true } },
          },
        }),
    },
    { tab, page, size: COMMENT_LIMITS.moderationPageSize },
  );
  const latest = set.versions[0];
  const sections = latest ? numberedParagraphs(versionContentSchema.parse(latest.content)) : [];
  const numberOf = new Map(sections.flatMap((s) => s.paragraphs.map((p) => [p.paragraphId, p.number] as const)));
  const items = queue.items.map(({ parent, version, paragraphId, ...row }) => {
    const placement = placementOf(paragraphId, sections);
    return {
      ...row,
      versionNumber: version.number,
      parentBody: parent?.body ?? null,
      parentLanguage: parent?.language ?? null,
      place:
        placement.kind === "paragraphs"
          ? { kind: "paragraphs" as const, numbers: placement.ids.map((id) => numberOf.get(id)!) }
          : placement,
    };
  });
  return {
    set: {
      id: set.id,
      title: set.title,
      slug: set.slug,
      status: set.status,
      callId: set.callId,
      forumId: set.call.forumId,
      call: set.call,
      latest: latest?.number ?? null,
    },
    counts: queue.counts,
    items,
    page: queue.page,
    pages: queue.pages,
  };
}
