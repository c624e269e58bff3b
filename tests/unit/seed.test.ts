// The demo seed against the test database. That database is shared with other tests, so everything here
// counts only the seed's own rows (the demo email domain, the demo slugs) and deletes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { DEMO_ACCOUNTS, DEMO_CALLS, DEMO_DOMAIN, DEMO_FORUM, DEMO_PEOPLE } from "@/prisma/demo-content";
import { DEMO_FINAL_SLUG } from "@/prisma/demo-final";
import { DEMO_APPOINTEES, DEMO_COALITION, DEMO_COALITION_CALL } from "@/prisma/demo-forums";
import { DEMO_GLOSSARY } from "@/prisma/demo-glossary";
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import { seedDemo } from "@/prisma/seed";

const slugs = DEMO_CALLS.map((call) => call.slug);
const openSlug = DEMO_CALLS.find((call) => call.key === "open")!.slug;
const demoEmail = { endsWith: `@${DEMO_DOMAIN}` };
const seedResponse = { call: { slug: { in: slugs } }, author: { email: demoEmail } };

async function countSeedRows() {
  return {
    forums: await db.forum.count({ where: { slug: { in: [DEMO_FORUM.slug, DEMO_COALITION.slug] } } }),
    appointments: await db.forumAppointment.count({ where: { user: { email: demoEmail } } }),
    calls: await db.call.count({ where: { slug: { in: slugs } } }),
    questions: await db.question.count({ where: { call: { slug: { in: slugs } } } }),
    users: await db.user.count({ where: { email: demoEmail } }),
    profiles: await db.profile.count({ where: { user: { email: demoEmail } } }),
    responses: await db.response.count({ where: seedResponse }),
    answers: await db.answer.count({ where: { response: seedResponse } }),
    glossary: await db.glossaryTerm.count({ where: { call: { slug: openSlug } } }),
    sets: await db.messageSet.count({ where: { slug: { in: [DEMO_MESSAGES_SLUG, DEMO_FINAL_SLUG] } } }),
    versions: await db.messageSetVersion.count({ where: { set: { slug: { in: [DEMO_MESSAGES_SLUG, DEMO_FINAL_SLUG] } } } }),
  };
}

let first: Awaited<ReturnType<typeof countSeedRows>>;
let second: typeof first;

beforeAll(async () => {
  await seedDemo(db, { quiet: true });
  first = await countSeedRows();
  await seedDemo(db, { quiet: true });
  second = await countSeedRows();
});

afterAll(disconnectDb);

describe("the demo seed", () => {
  it("creates the content once, and a second run adds nothing", () => {
    const responses = DEMO_PEOPLE.flatMap((person) => person.responses);
    expect(first).toMatchObject({
      forums: 2,
      appointments: DEMO_APPOINTEES.length,
      calls: DEMO_CALLS.length,
      questions: DEMO_CALLS.reduce((sum, call) => sum + call.questions.length, 0),
    });
    expect(first.users).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    expect(first.profiles).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    expect(first.responses).toBeGreaterThanOrEqual(responses.length);
    expect(first.answers).toBeGreaterThanOrEqual(
      responses.reduce((sum, response) => sum + Object.keys(response.answers).length, 0),
    );
    expect(second).toEqual(first);
  });

  it("leaves the open call open now", async () => {
    const call = await db.call.findUniqueOrThrow({ where: { slug: openSlug } });
    const now = new Date();
    expect(call.publishedAt).not.toBeNull();
    expect(call.publishedAt!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(call.opensAt.getTime()).toBeLessThan(now.getTime());
    expect(call.closesAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("hears every stakeholder group and every region on the open call, with snapshots of the profiles", async () => {
    const responses = await db.response.findMany({
      where: { call: { slug: openSlug }, author: { email: demoEmail }, status: "SUBMITTED" },
      select: {
        stakeholderGroup: true,
        region: true,
        country: true,
        organisation: true,
        onBehalfOf: true,
        submittedAt: true,
        call: { select: { opensAt: true, closesAt: true } },
        author: {
          select: {
            profile: { select: { stakeholderGroup: true, region: true, country: true, organisation: true, onBehalfOf: true } },
          },
        },
      },
    });
    expect(responses.length).toBeGreaterThanOrEqual(35);
    expect(new Set(responses.map((r) => r.stakeholderGroup))).toEqual(new Set(Object.values(StakeholderGroup)));
    expect(new Set(responses.map((r) => r.region))).toEqual(new Set(Object.values(UnRegion)));
    for (const { author, call, submittedAt, ...snapshot } of responses) {
      expect(snapshot).toEqual(author?.profile);
      expect(submittedAt!.getTime()).toBeGreaterThan(call.opensAt.getTime());
      expect(submittedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it("keeps drafts without a snapshot", async () => {
    const drafts = await db.response.findMany({
      where: { ...seedResponse, status: "DRAFT" },
      select: { stakeholderGroup: true, region: true, submittedAt: true },
    });
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) expect(draft).toEqual({ stakeholderGroup: null, region: null, submittedAt: null });
  });

  it("gives the demo accounts their roles and leaves the demo stakeholder free to answer the open call", async () => {
    const users = await db.user.findMany({
      where: { email: { in: Object.values(DEMO_ACCOUNTS) } },
      select: { email: true, role: true, profile: { select: { displayName: true } } },
    });
    expect(Object.fromEntries(users.map((u) => [u.email, u.role]))).toEqual({
      [DEMO_ACCOUNTS.stakeholder]: "STAKEHOLDER",
      [DEMO_ACCOUNTS.moderator]: "MODERATOR",
      [DEMO_ACCOUNTS.admin]: "ADMIN",
    });
    expect(users.every((u) => u.profile !== null)).toBe(true);
    expect(await db.response.count({ where: { call: { slug: openSlug }, author: { email: DEMO_ACCOUNTS.stakeholder } } })).toBe(
      0,
    );
  });

  it("runs two forums, each with its own facilitator, the BPF with an observer, the coalition's call a draft", async () => {
    const appointments = await db.forumAppointment.findMany({
      where: { user: { email: demoEmail } },
      select: { role: true, forum: { select: { slug: true } }, user: { select: { email: true, role: true } } },
    });
    expect(appointments.map((a) => [a.user.email, a.forum.slug, a.role]).sort()).toEqual(
      [
        [`coalition@${DEMO_DOMAIN}`, DEMO_COALITION.slug, "FACILITATOR"],
        [`facilitator@${DEMO_DOMAIN}`, DEMO_FORUM.slug, "FACILITATOR"],
        [`observer@${DEMO_DOMAIN}`, DEMO_FORUM.slug, "OBSERVER"],
      ].sort(),
    );
    // Their rights come from the appointment alone.
    expect(appointments.every((a) => a.user.role === "STAKEHOLDER")).toBe(true);
    const draft = await db.call.findUniqueOrThrow({
      where: { slug: DEMO_COALITION_CALL.slug },
      select: { publishedAt: true, forum: { select: { slug: true, kind: true } }, _count: { select: { questions: true } } },
    });
    expect(draft).toEqual({
      publishedAt: null,
      forum: { slug: DEMO_COALITION.slug, kind: "DYNAMIC_COALITION" },
      _count: { questions: DEMO_COALITION_CALL.questions.length },
    });
  });

  it("numbers each submitted response once, keeps its first version, indexes it and mixes consent choices", async () => {
    const submitted = await db.response.findMany({
      where: { ...seedResponse, status: "SUBMITTED", call: { slug: openSlug } },
      select: { id: true, reference: true, version: true, consent: true, _count: { select: { versions: true } } },
    });
    const references = submitted.map((r) => r.reference);
    expect(new Set(references).size).toBe(submitted.length);
    for (const reference of references) expect(reference).toMatch(/^CYB26-\d{4}$/);
    expect(submitted.every((r) => r.version === 1 && r._count.versions === 1)).toBe(true);
    expect(new Set(submitted.map((r) => r.consent))).toEqual(new Set(["PUBLISH_NAMED", "PUBLISH_ANONYMOUS", "PRIVATE"]));
    const [row] = await db.$queryRaw<{ indexed: bigint }[]>`
      SELECT count(*) AS indexed FROM responses r JOIN calls c ON c.id = r."callId"
      WHERE c.slug = ${openSlug} AND r.status = 'SUBMITTED' AND r."searchVector" @@ websearch_to_tsquery('english', 'election')`;
    expect(Number(row?.indexed)).toBeGreaterThan(0);
  });

  it("shows the whole cycle: a glossary, a draft in two versions with answered comments, and final messages", async () => {
    expect(second).toMatchObject({ glossary: DEMO_GLOSSARY.length, sets: 2, versions: 4 });
    const now = new Date();
    const draft = await db.messageSet.findUniqueOrThrow({
      where: { slug: DEMO_MESSAGES_SLUG },
      select: {
        status: true,
        call: { select: { slug: true } },
        versions: {
          orderBy: { number: "asc" },
          select: {
            number: true,
            summary: true,
            publishedAt: true,
            commentOpensAt: true,
            commentClosesAt: true,
            content: true,
            _count: { select: { comments: true } },
          },
        },
      },
    });
    expect(draft.status).toBe("PUBLISHED");
    expect(draft.call.slug).toBe(openSlug);
    const [v1, v2] = draft.versions;
    expect([v1?.number, v2?.number]).toEqual([1, 2]);
    expect(v2!.summary).not.toBe("");
    expect(JSON.stringify(v2!.content)).not.toBe(JSON.stringify(v1!.content));
    // One period after the other: version 1's closed before version 2's opened, which is open now.
    expect(v1!.publishedAt!.getTime()).toBeLessThanOrEqual(v1!.commentOpensAt!.getTime());
    expect(v1!.commentClosesAt!.getTime()).toBeLessThanOrEqual(v2!.commentOpensAt!.getTime());
    expect(v2!.publishedAt!.getTime()).toBeLessThanOrEqual(v2!.commentOpensAt!.getTime());
    expect(v2!.commentOpensAt!.getTime()).toBeLessThan(now.getTime());
    expect(v2!.commentClosesAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(v1!._count.comments).toBeGreaterThan(0);
    expect(
      await db.comment.count({
        where: { version: { number: 1, set: { slug: DEMO_MESSAGES_SLUG } }, disposition: { not: null } },
      }),
    ).toBe(4);

    const final = await db.messageSet.findUniqueOrThrow({
      where: { slug: DEMO_FINAL_SLUG },
      select: {
        status: true,
        call: { select: { slug: true, closesAt: true } },
        versions: { orderBy: { number: "asc" }, select: { number: true, publishedAt: true, finalisedAt: true, content: true } },
        paragraphs: { select: { _count: { select: { citations: true } } } },
      },
    });
    expect(final.status).toBe("FINAL");
    expect(final.call.slug).toBe(DEMO_CALLS.find((call) => call.key === "closed")!.slug);
    expect(final.versions.map((v) => [v.number, v.finalisedAt !== null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(final.versions[0]!.publishedAt!.getTime()).toBeGreaterThan(final.call.closesAt.getTime());
    expect(final.paragraphs.every((p) => p._count.citations > 0)).toBe(true);
    expect(
      await db.comment.count({ where: { set: { slug: DEMO_FINAL_SLUG }, version: { number: 1 }, disposition: { not: null } } }),
    ).toBe(2);
  });
});
