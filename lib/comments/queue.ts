// The moderators' view of a set's comments, in tabs: new (not yet reviewed, pending included), reported
// (open reports), hidden, answered (with a disposition) and all. Each comment says where it belongs in the
// latest published version (paragraph number) and which version it was made on. Authors are not named
// (moderators judge the text; group and region give the context); reporters are (lib/moderation/report-view.ts).
import "server-only";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { numberedParagraphs, versionContentSchema } from "@/lib/messages/content";
import { requireModerator, type Moderator } from "@/lib/moderation/permissions";
import { openReportsSelect, reportViews } from "@/lib/moderation/report-view";
import { placementOf } from "./attach";
import { COMMENT_LIMITS, COMMENT_TABS, type CommentTab } from "./schemas";

const tabWhere = (setId: string, tab: CommentTab): Prisma.CommentWhereInput => {
  if (tab === "new") return { setId, reviewedAt: null };
  if (tab === "reported") return { setId, reports: { some: { status: "OPEN" } } };
  if (tab === "hidden") return { setId, moderationState: "HIDDEN" };
  if (tab === "answered") return { setId, disposition: { not: null } };
  return { setId };
};

export async function listCommentQueue(actor: Moderator, setId: string, tab: CommentTab) {
  requireModerator(actor);
  const set = await db.messageSet.findUnique({
    where: { id: setId },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      callId: true,
      call: { select: { title: true, moderationMode: true, reportThreshold: true, timeZone: true } },
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, content: true },
      },
    },
  });
  if (!set) throw NotFound("messageSetNotFound");
  const counts = Object.fromEntries(
    await Promise.all(COMMENT_TABS.map(async (t) => [t, await db.comment.count({ where: tabWhere(setId, t) })] as const)),
  ) as Record<CommentTab, number>;
  const rows = await db.comment.findMany({
    where: tabWhere(setId, tab),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: COMMENT_LIMITS.moderationPageSize,
    select: {
      id: true,
      paragraphId: true,
      parentId: true,
      body: true,
      stakeholderGroup: true,
      region: true,
      createdAt: true,
      moderationState: true,
      hiddenReason: true,
      reviewedAt: true,
      disposition: true,
      dispositionReason: true,
      answer: true,
      version: { select: { number: true } },
      parent: { select: { body: true } },
      reports: openReportsSelect,
    },
  });
  const latest = set.versions[0];
  const sections = latest ? numberedParagraphs(versionContentSchema.parse(latest.content)) : [];
  const numberOf = new Map(sections.flatMap((s) => s.paragraphs.map((p) => [p.paragraphId, p.number] as const)));
  const items = rows.map(({ reports, parent, version, paragraphId, ...row }) => {
    const placement = placementOf(paragraphId, sections);
    return {
      ...row,
      versionNumber: version.number,
      parentBody: parent?.body ?? null,
      place:
        placement.kind === "paragraphs"
          ? { kind: "paragraphs" as const, numbers: placement.ids.map((id) => numberOf.get(id)!) }
          : placement,
      openReports: reports.length,
      countingReports: reports.filter((r) => r.countsTowardHide).length,
      reports: reportViews(reports),
    };
  });
  return {
    set: {
      id: set.id,
      title: set.title,
      slug: set.slug,
      status: set.status,
      callId: set.callId,
      call: set.call,
      latest: latest?.number ?? null,
    },
    counts,
    items,
  };
}
