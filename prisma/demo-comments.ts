// Demo public comment: the demo message set's version 1 was open for comment from ten days ago to four days
// ago, and version 2 is open now (opened three days ago, closes in fourteen: both moved on each run, as the
// open call's dates are, one period after the other as publishing requires). Comments and replies come from
// demo stakeholders of different groups and regions; those on version 1 are answered, one with each
// disposition, and version 2 (which took them up) has fresh, unanswered ones. Idempotent:
// each comment has a fixed submit key per author and is created once; one a demo user removed stays removed
// only until the next run, like the other seed-owned rows.
import type { CommentDisposition } from "@/lib/generated/prisma/enums";
import { versionContentSchema } from "@/lib/messages/content";
import { DEMO_DOMAIN } from "./demo-content";
import { DEMO_MESSAGES_SLUG } from "./demo-messages";
import type { DbClient } from "@/lib/db";

const DAY = 24 * 60 * 60 * 1000;
const respondent = (n: number) => `respondent-${String(n).padStart(2, "0")}@${DEMO_DOMAIN}`;

type DemoComment = {
  /** The version commented on: 1 (answered, its period closed) or 2 (open now). */
  version: 1 | 2;
  key: string;
  by: number;
  paragraph: number | null;
  daysAgo: number;
  body: string;
  anonymous?: boolean;
  replyTo?: string;
  answer?: { disposition: CommentDisposition; answer?: string; reason?: string };
};

const COMMENTS: DemoComment[] = [
  {
    version: 1,
    key: "demo-comment-1",
    by: 37,
    paragraph: 1,
    daysAgo: 9.2,
    body:
      "Governments of smaller states rarely have the people to take part in early drafting. The message should " +
      'say that drafting processes need remote participation and enough notice, or "early" will mean "for the few".',
    answer: {
      disposition: "INCORPORATED",
      answer: "Thank you. Version 2 will add remote participation and at least six weeks' notice.",
    },
  },
  {
    version: 1,
    key: "demo-comment-2",
    by: 14,
    paragraph: 2,
    daysAgo: 8.5,
    body:
      "Independent reporting is welcome, but say who does it. Network measurement data from the technical " +
      "community can show shutdowns objectively; the paragraph could name it as one source.",
    answer: {
      disposition: "PARTLY_INCORPORATED",
      answer: "We added measurement data as an example of evidence. We did not name specific organisations, to stay neutral.",
    },
  },
  {
    version: 1,
    key: "demo-comment-3",
    by: 23,
    paragraph: 3,
    daysAgo: 8.1,
    body:
      "Companies need legal certainty too. Rather than only warning against vague laws, the message could ask " +
      "for a single international definition of cybercrime that all laws refer to.",
    answer: {
      disposition: "NOT_INCORPORATED",
      reason:
        "A single definition is being negotiated elsewhere; the forum's messages are not the place to propose one, " +
        "and most contributions asked for precise national wording instead.",
    },
  },
  {
    version: 1,
    key: "demo-comment-4",
    by: 31,
    paragraph: 4,
    daysAgo: 7.7,
    body:
      "Research on capacity building shows that local trainers stay longer when they are paid, not volunteers. " +
      "Long-term funding should explicitly cover trainers' fees.",
    answer: {
      disposition: "NOTED",
      answer: "Noted for the discussion at the session; the funding paragraph already covers it in general terms.",
    },
  },
  {
    version: 2,
    key: "demo-comment-5",
    by: 9,
    paragraph: 5,
    daysAgo: 1.2,
    anonymous: true,
    body:
      "Please include people who are targeted for their sexual orientation or gender identity. Helplines often " +
      "turn them away, and they face the same threats described here.",
  },
  {
    version: 2,
    key: "demo-comment-6",
    by: 40,
    paragraph: null,
    daysAgo: 0.9,
    body:
      "Overall a balanced text. It would help readers outside the IGF to have a one-sentence summary at the top " +
      "of each section.",
  },
  {
    version: 1,
    key: "demo-reply-1",
    by: 1,
    paragraph: null,
    daysAgo: 8.3,
    replyTo: "demo-comment-1",
    body:
      "Agreed, and the same holds for civil society groups outside capitals: remote participation should include " +
      "captioning and interpretation.",
  },
  {
    version: 1,
    key: "demo-reply-2",
    by: 16,
    paragraph: null,
    daysAgo: 7.9,
    replyTo: "demo-comment-3",
    anonymous: true,
    body:
      "A single definition would also be used to justify the very laws this paragraph warns about. Precise national " +
      "wording seems safer.",
  },
];

export async function seedDemoComments(client: DbClient, now = new Date()) {
  const set = await client.messageSet.findUnique({
    where: { slug: DEMO_MESSAGES_SLUG },
    select: {
      id: true,
      status: true,
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "asc" },
        select: { id: true, number: true, content: true, finalisedAt: true },
      },
    },
  });
  // Only the set as the demo left it: versions 1 and 2 published, none final (a demo moderator may have moved on).
  const versions = set?.versions ?? [];
  if (!set || set.status !== "PUBLISHED" || versions.map((v) => v.number).join() !== "1,2" || versions.some((v) => v.finalisedAt))
    return;
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await client.messageSetVersion.update({
    where: { id: versions[0]!.id },
    data: { commentOpensAt: at(-10), commentClosesAt: at(-4) },
    select: { id: true },
  });
  await client.messageSetVersion.update({
    where: { id: versions[1]!.id },
    data: { commentOpensAt: at(-3), commentClosesAt: at(14) },
    select: { id: true },
  });
  // Paragraph ids stay the same across versions: position n is the same paragraph in both.
  const paragraphs = versionContentSchema.parse(versions[1]!.content).flatMap((s) => s.paragraphs.map((p) => p.paragraphId));
  const moderator = await client.user.findUnique({ where: { email: `moderator@${DEMO_DOMAIN}` }, select: { id: true } });
  const ids = new Map<string, { id: string; paragraphId: string | null }>();
  for (const comment of COMMENTS) {
    const author = await client.user.findUnique({
      where: { email: respondent(comment.by) },
      select: { id: true, profile: { select: { stakeholderGroup: true, region: true } } },
    });
    if (!author?.profile) continue;
    const parent = comment.replyTo ? ids.get(comment.replyTo) : undefined;
    if (comment.replyTo && !parent) continue;
    const paragraphId = parent
      ? parent.paragraphId
      : comment.paragraph === null
        ? null
        : (paragraphs[comment.paragraph - 1] ?? null);
    const existing = await client.comment.findUnique({
      where: { authorId_submitKey: { authorId: author.id, submitKey: comment.key } },
      select: { id: true, paragraphId: true },
    });
    if (existing) {
      ids.set(comment.key, existing);
      continue;
    }
    const createdAt = new Date(now.getTime() - comment.daysAgo * DAY);
    const answer = comment.answer;
    const created = await client.comment.create({
      data: {
        setId: set.id,
        versionId: versions[comment.version - 1]!.id,
        paragraphId,
        parentId: parent?.id ?? null,
        authorId: author.id,
        body: comment.body,
        anonymous: comment.anonymous ?? false,
        stakeholderGroup: author.profile.stakeholderGroup,
        region: author.profile.region,
        submitKey: comment.key,
        createdAt,
        reviewedAt: answer ? createdAt : null,
        ...(answer && {
          disposition: answer.disposition,
          answer: answer.answer ?? null,
          dispositionReason: answer.reason ?? null,
          answeredById: moderator?.id ?? null,
          answeredAt: new Date(createdAt.getTime() + DAY / 4),
        }),
      },
      select: { id: true, paragraphId: true },
    });
    ids.set(comment.key, created);
  }
}
