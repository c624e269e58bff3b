// Demo final messages: last year's closed call ends the cycle. Its message set went out as a draft for
// comment (version 1, its period long closed, two comments answered) and then as version 2, marked final, with the contributions
// each paragraph draws on, so a newcomer sees the last phase (the final page and its downloads). The
// dates follow the call's: it closed 300 days ago. Idempotent: created once under a fixed slug.
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_DOMAIN } from "./demo-content";
import { createDemoSet, type DemoSection } from "./demo-messages";
import type { DbClient } from "@/lib/db";

export const DEMO_FINAL_SLUG = "igf-2025-messages-building-a-culture-of-cybersecurity";

const DAY = 24 * 60 * 60 * 1000;

const SECTIONS: DemoSection[] = [
  {
    heading: "What a culture of cybersecurity is",
    paragraphs: [
      {
        body:
          "A culture of cybersecurity exists when people understand **why** a practice matters, not only what the " +
          "rule says, and when admitting a mistake is safer than hiding it.",
        cites: [44, 47, 46],
      },
      {
        body:
          "Public administrations build it by naming a person responsible in every agency and by regular exercises " +
          "led by the national CERT.",
        cites: [45],
      },
    ],
  },
  {
    heading: "Closing the divide",
    paragraphs: [
      {
        body:
          "Most contributors see a digital security divide. Closing it needs affordable data, devices that still " +
          "receive updates, security in school curricula and advice in local languages.",
        cites: [48, 44, 1],
      },
    ],
  },
];

/** The draft's wording of the first paragraph (version 1), changed in the final text. */
const DRAFT_FIRST = "A culture of cybersecurity exists when people understand why a practice matters.";

export async function seedDemoFinalMessages(client: DbClient, now = new Date()) {
  const created = await createDemoSet(client, {
    callKey: "closed",
    slug: DEMO_FINAL_SLUG,
    status: "FINAL",
    sections: SECTIONS,
    title: "IGF 2025 messages – Building a culture of cybersecurity",
    introduction:
      "The final messages of the Best Practice Forum on Cybersecurity on its 2025 call for contributions, " +
      "after a month of public comment on the draft.",
  });
  if (!created) return;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const draft = structuredClone(created.content);
  draft[0]!.paragraphs[0]!.body = DRAFT_FIRST;
  const common = {
    setId: created.setId,
    title: created.title,
    introduction: created.introduction,
    createdById: created.moderatorId,
  };
  const first = await client.messageSetVersion.create({
    data: {
      ...common,
      number: 1,
      summary: "Draft for public comment",
      content: draft as Prisma.InputJsonValue,
      publishedAt: at(290),
      commentOpensAt: at(290),
      commentClosesAt: at(260),
    },
    select: { id: true },
  });
  // Two comments on the draft, answered, so the cycle's comment phase has something to read.
  const comments = [
    {
      by: 47,
      paragraph: 0,
      daysAgo: 285,
      body: "Say that admitting a mistake must be safe, or people will keep hiding them.",
      disposition: "INCORPORATED" as const,
      answer: "The final text says so in paragraph 1.",
    },
    {
      by: 46,
      paragraph: 2,
      daysAgo: 270,
      body: "Devices that still receive updates matter as much as cheap data.",
      disposition: "NOTED" as const,
      answer: "Paragraph 3 already names them.",
    },
  ];
  const paragraphs = created.content.flatMap((section) => section.paragraphs.map((p) => p.paragraphId));
  for (const [index, comment] of comments.entries()) {
    const email = `respondent-${String(comment.by).padStart(2, "0")}@${DEMO_DOMAIN}`;
    const author = await client.user.findUnique({
      where: { email },
      select: { id: true, profile: { select: { stakeholderGroup: true, region: true } } },
    });
    if (!author?.profile) continue;
    await client.comment.create({
      data: {
        setId: created.setId,
        versionId: first.id,
        paragraphId: paragraphs[comment.paragraph] ?? null,
        authorId: author.id,
        body: comment.body,
        stakeholderGroup: author.profile.stakeholderGroup,
        region: author.profile.region,
        submitKey: `demo-final-comment-${index + 1}`,
        createdAt: at(comment.daysAgo),
        reviewedAt: at(comment.daysAgo),
        disposition: comment.disposition,
        answer: comment.answer,
        answeredById: created.moderatorId,
        answeredAt: at(comment.daysAgo - 1),
      },
      select: { id: true },
    });
  }
  await client.messageSetVersion.create({
    data: {
      ...common,
      number: 2,
      summary: "Final text: paragraph 1 explains why practices matter and that mistakes can be admitted safely.",
      content: created.content as Prisma.InputJsonValue,
      publishedAt: at(240),
      finalisedAt: at(240),
    },
    select: { id: true },
  });
}
