// Demo draft messages: one published message set compiled from the open demo call's responses, so the
// public messages page and the "Used in" links on responses have something to show after `npm start`.
// Idempotent: created once under a fixed slug; a set already there (perhaps edited by a demo moderator)
// is left alone. Only responses the public may see are cited (a private one in the list is skipped).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { VersionContent } from "@/lib/messages/content";
import { DEMO_CALLS, DEMO_DOMAIN } from "./demo-content";
import type { DbClient } from "./factories";

export const DEMO_MESSAGES_SLUG = "igf-2026-messages-security-safety-stability-and-resilience";

const respondent = (n: number) => `respondent-${String(n).padStart(2, "0")}@${DEMO_DOMAIN}`;

const SECTIONS: { heading: string; paragraphs: { body: string; cites: number[] }[] }[] = [
  {
    heading: "Policy and Cooperation",
    paragraphs: [
      {
        body: "Norms of responsible behaviour take hold when the people who must apply them help to shape them early. " +
          "Contributors from every stakeholder group asked for a seat in **drafting**, not only a chance to comment on " +
          "nearly final texts.",
        cites: [3, 13, 37, 23],
      },
      {
        body: "Commitments without follow-up cost nothing to break. Several contributions called for independent and " +
          "public reporting on how commitments, such as keeping networks running during elections, are kept in practice.",
        cites: [1, 35, 32],
      },
      {
        body: "The security of infrastructure should be kept clearly apart from the regulation of content. Vaguely " +
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
        body: "Capacity building should reach incident responders, community trainers and small operators outside " +
          "capital cities, in local languages, with long-term rather than project-by-project funding.",
        cites: [2, 14, 19, 40],
      },
      {
        body: "Threats that target women, young people and survivors of online abuse are cybersecurity threats. Helplines, " +
          "platforms and police need named contacts, clear time frames and training to act on them.",
        cites: [5, 4],
      },
    ],
  },
];

export async function seedDemoMessages(client: DbClient) {
  const open = DEMO_CALLS.find((call) => call.key === "open")!;
  const call = await client.call.findUnique({ where: { slug: open.slug }, select: { id: true } });
  if (!call || (await client.messageSet.findUnique({ where: { slug: DEMO_MESSAGES_SLUG }, select: { id: true } }))) return;

  const moderator = await client.user.findUnique({ where: { email: `moderator@${DEMO_DOMAIN}` }, select: { id: true } });
  const set = await client.messageSet.create({
    data: {
      callId: call.id, slug: DEMO_MESSAGES_SLUG, status: "PUBLISHED", createdById: moderator?.id ?? null,
      title: "IGF 2026 messages – Security, Safety, Stability and Resilience",
      introduction: "Draft messages compiled by the Best Practice Forum on Cybersecurity from the responses to its 2026 " +
        "call for contributions. Each paragraph lists the contributions it draws on.",
    },
    select: { id: true },
  });
  const content: VersionContent = [];
  for (const [s, section] of SECTIONS.entries()) {
    const row = await client.messageSection.create({ data: { setId: set.id, position: s + 1, heading: section.heading }, select: { id: true } });
    const frozen: VersionContent[number] = { sectionId: row.id, heading: section.heading, paragraphs: [] };
    for (const [p, paragraph] of section.paragraphs.entries()) {
      const created = await client.messageParagraph.create({
        data: { setId: set.id, sectionId: row.id, position: p + 1, body: paragraph.body }, select: { id: true },
      });
      const sources = await client.response.findMany({
        where: {
          callId: call.id, author: { email: { in: paragraph.cites.map(respondent) } }, status: "SUBMITTED",
          consent: { in: ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS"] }, moderationState: "PUBLISHED", reference: { not: null },
        },
        orderBy: { reference: "asc" },
        select: { id: true, reference: true, stakeholderGroup: true, region: true },
      });
      const citations = sources.map((r) => ({
        responseId: r.id, excerptId: null, reference: r.reference!, stakeholderGroup: r.stakeholderGroup, region: r.region, quote: null,
      }));
      for (const citation of citations)
        await client.citation.create({ data: { paragraphId: created.id, ...citation }, select: { id: true } });
      frozen.paragraphs.push({ paragraphId: created.id, body: paragraph.body, origins: [], citations });
    }
    content.push(frozen);
  }
  await client.messageSetVersion.create({
    data: {
      setId: set.id, number: 1, summary: "Draft for public comment", content: content as Prisma.InputJsonValue,
      createdById: moderator?.id ?? null, publishedAt: new Date(),
    },
    select: { id: true },
  });
}
