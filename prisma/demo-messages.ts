// Demo draft messages: one message set compiled from the open demo call's responses, published as version 1
// (commented on; its period has closed) and version 2 (with a change summary, open for comment), so the
// public messages, compare and comment pages and the "Used in" links on responses have something to show
// after `npm start`. Idempotent: the set is created once under a fixed slug and a set already there
// (perhaps edited by a demo moderator) is left alone, except that a set still at version 1 (seeded before
// version 2 existed) gets version 2. Only responses the public may see are cited.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VersionContent } from "@/lib/messages/content";
import { DEMO_CALLS, DEMO_DOMAIN, type DemoCallKey } from "./demo-content";
import type { DbClient } from "@/lib/db";

export const DEMO_MESSAGES_SLUG = "igf-2026-messages-security-safety-stability-and-resilience";

const DAY = 24 * 60 * 60 * 1000;
const respondent = (n: number) => `respondent-${String(n).padStart(2, "0")}@${DEMO_DOMAIN}`;

export type DemoSection = { heading: string; paragraphs: { body: string; cites: number[] }[] };

const SECTIONS: DemoSection[] = [
  {
    heading: "Policy and Cooperation",
    paragraphs: [
      {
        body:
          "Norms of responsible behaviour take hold when the people who must apply them help to shape them early. " +
          "Contributors from every stakeholder group asked for a seat in **drafting**, not only a chance to comment on " +
          "nearly final texts.",
        cites: [3, 13, 37, 23],
      },
      {
        body:
          "Commitments without follow-up cost nothing to break. Several contributions called for independent and " +
          "public reporting on how commitments, such as keeping networks running during elections, are kept in practice.",
        cites: [1, 35, 32],
      },
      {
        body:
          "The security of infrastructure should be kept clearly apart from the regulation of content. Vaguely " +
          "worded cybercrime laws have been used against journalists and bloggers; norms need precise language to " +
          "protect the people they are meant to serve.",
        cites: [3, 9, 30],
      },
    ],
  },
  {
    heading: "Capacity Building",
    paragraphs: [
      {
        body:
          "Capacity building should reach incident responders, community trainers and small operators outside " +
          "capital cities, in local languages, with long-term rather than project-by-project funding.",
        cites: [2, 14, 19, 40],
      },
      {
        body:
          "Threats that target women, young people and survivors of online abuse are cybersecurity threats. Helplines, " +
          "platforms and police need named contacts, clear time frames and training to act on them.",
        cites: [5, 4],
      },
    ],
  },
];

/** Version 2: the first two paragraphs as changed after the comments on version 1 (by position). */
const VERSION_2_BODIES: Record<number, string> = {
  0:
    "Norms of responsible behaviour take hold when the people who must apply them help to shape them early. " +
    "Contributors from every stakeholder group asked for a seat in **drafting**, with remote participation and at " +
    "least six weeks' notice, not only a chance to comment on nearly final texts.",
  1:
    "Commitments without follow-up cost nothing to break. Several contributions called for independent and " +
    "public reporting, drawing on evidence such as network measurement data, on how commitments, such as keeping " +
    "networks running during elections, are kept in practice.",
};
export const DEMO_VERSION_2_SUMMARY =
  "After the comments on version 1: paragraph 1 asks for remote participation and six weeks' notice; paragraph 2 " +
  "names network measurement data as evidence.";

/**
 * Creates a set's working copy (sections, paragraphs, citations of the listed respondents' public responses
 * to the call) and returns it frozen as a version's content.
 */
export async function createDemoSet(
  client: DbClient,
  input: {
    callKey: DemoCallKey;
    slug: string;
    title: string;
    introduction: string;
    status: "PUBLISHED" | "FINAL";
    sections: DemoSection[];
  },
) {
  const demoCall = DEMO_CALLS.find((call) => call.key === input.callKey)!;
  const call = await client.call.findUnique({ where: { slug: demoCall.slug }, select: { id: true } });
  if (!call || (await client.messageSet.findUnique({ where: { slug: input.slug }, select: { id: true } }))) return null;
  const moderator = await client.user.findUnique({ where: { email: `moderator@${DEMO_DOMAIN}` }, select: { id: true } });
  const set = await client.messageSet.create({
    data: {
      callId: call.id,
      slug: input.slug,
      status: input.status,
      createdById: moderator?.id ?? null,
      title: input.title,
      introduction: input.introduction,
    },
    select: { id: true },
  });
  const content: VersionContent = [];
  for (const [s, section] of input.sections.entries()) {
    const row = await client.messageSection.create({
      data: { setId: set.id, position: s + 1, heading: section.heading },
      select: { id: true },
    });
    const frozen: VersionContent[number] = { sectionId: row.id, heading: section.heading, paragraphs: [] };
    for (const [p, paragraph] of section.paragraphs.entries()) {
      const created = await client.messageParagraph.create({
        data: { setId: set.id, sectionId: row.id, position: p + 1, body: paragraph.body },
        select: { id: true },
      });
      const sources = await client.response.findMany({
        where: {
          callId: call.id,
          author: { email: { in: paragraph.cites.map(respondent) } },
          status: "SUBMITTED",
          consent: { in: ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS"] },
          moderationState: "PUBLISHED",
          reference: { not: null },
        },
        orderBy: { reference: "asc" },
        select: { id: true, reference: true, stakeholderGroup: true, region: true },
      });
      const citations = sources.map((r) => ({
        responseId: r.id,
        excerptId: null,
        reference: r.reference!,
        stakeholderGroup: r.stakeholderGroup,
        region: r.region,
        quote: null,
      }));
      for (const citation of citations)
        await client.citation.create({ data: { paragraphId: created.id, ...citation }, select: { id: true } });
      frozen.paragraphs.push({ paragraphId: created.id, body: paragraph.body, origins: [], citations });
    }
    content.push(frozen);
  }
  return { setId: set.id, moderatorId: moderator?.id ?? null, content, title: input.title, introduction: input.introduction };
}

export async function seedDemoMessages(client: DbClient, now = new Date()) {
  const created = await createDemoSet(client, {
    callKey: "open",
    slug: DEMO_MESSAGES_SLUG,
    status: "PUBLISHED",
    sections: SECTIONS,
    title: "IGF 2026 messages – Security, Safety, Stability and Resilience",
    introduction:
      "Draft messages compiled by the Best Practice Forum on Cybersecurity from the responses to its 2026 " +
      "call for contributions. Each paragraph lists the contributions it draws on.",
  });
  if (created) {
    await client.messageSetVersion.create({
      data: {
        setId: created.setId,
        number: 1,
        summary: "Draft for public comment",
        content: created.content as Prisma.InputJsonValue,
        title: created.title,
        introduction: created.introduction,
        createdById: created.moderatorId,
        publishedAt: new Date(now.getTime() - 10 * DAY),
      },
      select: { id: true },
    });
  }
  await addSecondVersion(client, now);
}

/** Version 2 of the demo set, once: the working copy's first two paragraphs changed, then frozen. */
async function addSecondVersion(client: DbClient, now: Date) {
  const set = await client.messageSet.findUnique({
    where: { slug: DEMO_MESSAGES_SLUG },
    select: {
      id: true,
      status: true,
      title: true,
      introduction: true,
      createdById: true,
      versions: { select: { id: true, number: true, content: true, publishedAt: true } },
    },
  });
  const first = set?.versions.find((v) => v.number === 1);
  if (!set || set.status !== "PUBLISHED" || set.versions.length !== 1 || !first?.publishedAt) return;
  const content = structuredClone(first.content) as VersionContent;
  const paragraphs = content.flatMap((section) => section.paragraphs);
  for (const [position, body] of Object.entries(VERSION_2_BODIES)) {
    const paragraph = paragraphs[Number(position)];
    if (!paragraph) continue;
    paragraph.body = body;
    await client.messageParagraph.updateMany({ where: { id: paragraph.paragraphId, setId: set.id }, data: { body } });
  }
  // Version 1 was public for a week of comment before version 2 (the comment seed sets both periods).
  const tenDaysAgo = new Date(now.getTime() - 10 * DAY);
  if (first.publishedAt > tenDaysAgo)
    await client.messageSetVersion.update({ where: { id: first.id }, data: { publishedAt: tenDaysAgo }, select: { id: true } });
  await client.messageSetVersion.create({
    data: {
      setId: set.id,
      number: 2,
      summary: DEMO_VERSION_2_SUMMARY,
      content: content as Prisma.InputJsonValue,
      title: set.title,
      introduction: set.introduction,
      createdById: set.createdById,
      publishedAt: new Date(now.getTime() - 3 * DAY),
    },
    select: { id: true },
  });
}
