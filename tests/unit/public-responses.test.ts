// What the public sees: consent honoured in every list, page and search result; search with stemming;
// filters; keyset pagination that stays stable while responses arrive; participation counts.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { publicFigures } from "@/lib/insights/public-figures";
import { countParticipation, responsesOf } from "@/lib/insights/source";
import { getPublicCall, getPublishedResponse, listContributors, listPublishedResponses } from "@/lib/responses/public";
import { decodeCursor, encodeCursor } from "@/lib/responses/public-cursor";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";

afterAll(disconnectDb);

const MINUTE = 60_000;
const base = Date.now() - 10 * 24 * 60 * MINUTE;

async function respondent(profile: { stakeholderGroup?: StakeholderGroup; region?: UnRegion; onBehalfOf?: string } = {}) {
  const suffix = uniqueSuffix();
  return createUser(db, {
    profile: { displayName: `Zephyrine Quillfeather ${suffix}`, organisation: `Quillfeather Institute ${suffix}`, ...profile },
  });
}

async function respond(
  callId: string,
  options: {
    consent?: Consent;
    status?: "SUBMITTED" | "DRAFT";
    at?: number;
    answers?: { questionId: string; text?: string; choices?: string[] }[];
    profile?: Parameters<typeof respondent>[0];
  } = {},
) {
  const user = await respondent(options.profile);
  const response = await createResponse(db, {
    callId,
    authorId: user.id,
    status: options.status ?? "SUBMITTED",
    consent: options.consent,
    submittedAt: new Date(options.at ?? base),
    answers: options.answers,
  });
  return { ...response, user };
}

async function allPages(callId: string, options: Parameters<typeof listPublishedResponses>[1] = {}) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await listPublishedResponses(callId, { ...options, cursor });
    ids.push(...page.items.map((item) => item.id));
    if (!page.next) break;
    cursor = page.next;
  }
  return ids;
}

describe("consent", () => {
  it("publishes only submitted responses with a publishing consent to a published call, anonymous ones without identity", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const answers = [{ questionId: question.id, text: "Incident reporting is a shared habit here." }];
    const named = await respond(call.id, { consent: "PUBLISH_NAMED", answers, at: base + 1 * MINUTE });
    const anonymous = await respond(call.id, {
      consent: "PUBLISH_ANONYMOUS",
      answers,
      at: base + 2 * MINUTE,
      profile: { onBehalfOf: `Coalition Zeta ${uniqueSuffix()}` },
    });
    const hidden = await respond(call.id, { consent: "PRIVATE", answers, at: base + 3 * MINUTE });
    const draft = await respond(call.id, { status: "DRAFT", answers });
    const withdrawn = await respond(call.id, { answers, at: base + 4 * MINUTE });
    await db.response.update({ where: { id: withdrawn.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    const unpublishedCall = await createCall(db, { publishedAt: null });
    const unpublished = await respond(unpublishedCall.id, { answers });

    const page = await listPublishedResponses(call.id, {});
    expect(page.items.map((item) => item.id)).toEqual([anonymous.id, named.id]);
    expect(page.total).toBe(2);
    expect((await listPublishedResponses(unpublishedCall.id, {})).items).toEqual([]);

    // Search results honour consent too.
    const found = await listPublishedResponses(call.id, { q: "incident" });
    expect(found.items.map((item) => item.id).sort()).toEqual([anonymous.id, named.id].sort());

    const anonItems = [...page.items, ...found.items].filter((item) => item.id === anonymous.id);
    const anonPage = await getPublishedResponse(anonymous.reference!);
    expect(anonPage).not.toBeNull();
    for (const item of [...anonItems, anonPage!]) {
      expect(item.attribution).toEqual({ kind: "anonymous" });
      for (const key of ["name", "organisation", "onBehalfOf", "country", "author", "authorId", "fileName"]) {
        expect(Object.keys(item)).not.toContain(key);
      }
      const json = JSON.stringify(item);
      expect(json).not.toContain(anonymous.user.profile!.displayName);
      expect(json).not.toContain(anonymous.user.profile!.organisation!);
      expect(json).not.toContain(anonymous.user.profile!.onBehalfOf!);
      expect(json).not.toContain(anonymous.user.email);
    }

    const namedPage = await getPublishedResponse(named.reference!);
    expect(namedPage?.attribution).toEqual({
      kind: "named",
      name: named.user.profile!.displayName,
      organisation: named.user.profile!.organisation,
      onBehalfOf: null,
    });

    for (const reference of [hidden.reference!, withdrawn.reference!, unpublished.reference!, "NOPE-0001"]) {
      expect(await getPublishedResponse(reference)).toBeNull();
    }
    expect(draft.reference).toBeNull();
    expect(await getPublicCall(unpublishedCall.slug)).toBeNull();

    const contributors = await listContributors(call.id);
    expect(contributors?.named.map((c) => c.name)).toEqual([named.user.profile!.displayName]);
    expect(contributors?.anonymousByGroup).toEqual([{ group: "CIVIL_SOCIETY", count: 1 }]);
    expect(contributors).toMatchObject({ anonymousCount: 1, notPublishedCount: 1, total: 3 });
    const contributorsJson = JSON.stringify(contributors);
    for (const person of [anonymous, hidden]) {
      expect(contributorsJson).not.toContain(person.user.profile!.displayName);
      expect(contributorsJson).not.toContain(person.user.profile!.organisation!);
    }
    expect(await listContributors(unpublishedCall.id)).toBeNull();
  });
});

describe("search and filters", () => {
  it("counts a search's or a question's matches up to the limit and says when there are more; other lists exactly", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const other = await createQuestion(db, { callId: call.id, position: 2 });
    for (let i = 0; i < 3; i++) {
      await respond(call.id, {
        answers: [{ questionId: question.id, text: `Routing security matters (${i}).` }],
        at: base + i * MINUTE,
      });
    }
    await respond(call.id, { answers: [{ questionId: other.id, text: "Nothing on routing." }], at: base + 9 * MINUTE });

    const list = (options: Parameters<typeof listPublishedResponses>[1]) =>
      listPublishedResponses(call.id, { countLimit: 2, ...options });
    expect(await list({ q: "security" })).toMatchObject({ total: 2, totalExact: false });
    expect((await list({ q: "security" })).items).toHaveLength(3); // the list itself is not limited
    expect(await list({ questionId: question.id })).toMatchObject({ total: 2, totalExact: false });
    expect(await list({ questionId: other.id })).toMatchObject({ total: 1, totalExact: true });
    expect(await list({ q: "security", countLimit: 3 })).toMatchObject({ total: 3, totalExact: true });
    // Without a search or a question filter the count is exact, whatever the limit.
    expect(await list({})).toMatchObject({ total: 4, totalExact: true });
    expect(await list({ collapseCampaigns: true })).toMatchObject({ total: 4, totalExact: true });
  });

  it("finds a response by a word and by its plural (English stemming), and not the others", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const norms = await respond(call.id, {
      answers: [{ questionId: question.id, text: "Unwritten norms keep our network operators honest." }],
    });
    const courts = await respond(call.id, {
      answers: [{ questionId: question.id, text: "Judges and courts need training on evidence." }],
      at: base + MINUTE,
    });

    for (const q of ["norm", "norms", "NORMS"]) {
      const result = await listPublishedResponses(call.id, { q });
      expect(result.items.map((item) => item.id)).toEqual([norms.id]);
      expect(result.items[0]!.highlighted).toBe(true);
      expect(result.items[0]!.excerpt).toMatch(/\uE000norms\uE001/);
    }
    expect((await listPublishedResponses(call.id, { q: "court" })).items.map((item) => item.id)).toEqual([courts.id]);
    expect((await listPublishedResponses(call.id, { q: "norms -operators" })).items).toEqual([]);
    expect((await listPublishedResponses(call.id, { q: "zzyzx" })).total).toBe(0);
    expect(await listPublishedResponses(call.id, { q: "norms" })).toMatchObject({ total: 1, totalExact: true });
    // Syntax a web search box accepts never raises an error.
    await expect(listPublishedResponses(call.id, { q: '"unclosed & | ! ( <->' })).resolves.toBeDefined();
  });

  it("filters by stakeholder group, region and question, showing the answer to that question", async () => {
    const call = await createCall(db);
    const [q1, q2] = [await createQuestion(db, { callId: call.id }), await createQuestion(db, { callId: call.id })];
    const govAfrica = await respond(call.id, {
      profile: { stakeholderGroup: "GOVERNMENT", region: "AFRICA" },
      answers: [
        { questionId: q1.id, text: "First answer of government." },
        { questionId: q2.id, text: "Second answer of government." },
      ],
    });
    const techAsia = await respond(call.id, {
      profile: { stakeholderGroup: "TECHNICAL_COMMUNITY", region: "ASIA_PACIFIC" },
      at: base + MINUTE,
      answers: [
        { questionId: q1.id, text: "Only the first question." },
        { questionId: q2.id, text: "  " },
      ],
    });
    const govAsia = await respond(call.id, {
      profile: { stakeholderGroup: "GOVERNMENT", region: "ASIA_PACIFIC" },
      at: base + 2 * MINUTE,
      consent: "PUBLISH_ANONYMOUS",
      answers: [{ questionId: q2.id, text: "Only the second question." }],
    });

    const ids = async (options: Parameters<typeof listPublishedResponses>[1]) =>
      (await listPublishedResponses(call.id, options)).items.map((item) => item.id);
    expect(await ids({ group: "GOVERNMENT" })).toEqual([govAsia.id, govAfrica.id]);
    expect(await ids({ region: "ASIA_PACIFIC" })).toEqual([govAsia.id, techAsia.id]);
    expect(await ids({ group: "GOVERNMENT", region: "AFRICA" })).toEqual([govAfrica.id]);
    expect(await ids({ group: "ACADEMIA" })).toEqual([]);

    const byQuestion = await listPublishedResponses(call.id, { questionId: q2.id });
    expect(byQuestion.items.map((item) => [item.id, item.questionId, item.excerpt])).toEqual([
      [govAsia.id, q2.id, "Only the second question."],
      [govAfrica.id, q2.id, "Second answer of government."],
    ]);
    expect(await ids({ questionId: q1.id, q: "government" })).toEqual([govAfrica.id]);
  });
});

describe("keyset pagination", () => {
  it("stays stable while responses arrive between page fetches: no duplicates, no gaps", async () => {
    const call = await createCall(db);
    const originals = [];
    // Two responses share a timestamp: the id breaks the tie.
    for (const offset of [1, 2, 3, 4, 4, 5, 6, 7]) originals.push(await respond(call.id, { at: base + offset * MINUTE }));
    const expected = await allPages(call.id, { limit: 3 });
    expect(expected).toHaveLength(8);
    expect(new Set(expected).size).toBe(8);

    const first = await listPublishedResponses(call.id, { limit: 3 });
    expect(first.items.map((item) => item.id)).toEqual(expected.slice(0, 3));
    expect(first.previous).toBeNull();
    // Meanwhile: a new response on top, and one submitted (back-dated) between pages 2 and 3.
    await respond(call.id, { at: Date.now() });
    const middle = await respond(call.id, { at: base + 3.5 * MINUTE });

    const seen = [...first.items.map((item) => item.id)];
    let cursor = first.next;
    let second: Awaited<ReturnType<typeof listPublishedResponses>> | undefined;
    while (cursor) {
      const page = await listPublishedResponses(call.id, { limit: 3, cursor });
      second ??= page;
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id !== middle.id)).toEqual(expected);
    expect(seen).toContain(middle.id);

    // "Previous page" from the second page gives back the first page as it was.
    const back = await listPublishedResponses(call.id, { limit: 3, cursor: second!.previous! });
    expect(back.items.map((item) => item.id)).toEqual(expected.slice(0, 3));
    expect(back.next).not.toBeNull();
    expect(back.previous).not.toBeNull(); // the response that arrived on top meanwhile
  });

  it("shows the first page for a malformed or tampered cursor", async () => {
    const call = await createCall(db);
    const a = await respond(call.id, { at: base });
    const b = await respond(call.id, { at: base + MINUTE });
    for (const cursor of ["", "!!!", "bm90LWpzb24", Buffer.from('{"t":"yesterday","i":"x","d":"a"}').toString("base64url")]) {
      expect(decodeCursor(cursor)).toBeNull();
      expect((await listPublishedResponses(call.id, { cursor })).items.map((item) => item.id)).toEqual([b.id, a.id]);
    }
    const valid = encodeCursor({ submittedAt: new Date(base + MINUTE), id: b.id, direction: "after" });
    expect((await listPublishedResponses(call.id, { cursor: valid })).items.map((item) => item.id)).toEqual([a.id]);
  });
});

describe("participation", () => {
  it("counts every submitted response by group and region, private ones included, drafts not", async () => {
    const call = await createCall(db);
    const cells: [StakeholderGroup, UnRegion, Consent][] = [
      ["GOVERNMENT", "AFRICA", "PUBLISH_NAMED"],
      ["GOVERNMENT", "AFRICA", "PRIVATE"],
      ["ACADEMIA", "EASTERN_EUROPE", "PUBLISH_ANONYMOUS"],
      ["CIVIL_SOCIETY", "AFRICA", "PUBLISH_NAMED"],
    ];
    for (const [stakeholderGroup, region, consent] of cells)
      await respond(call.id, { profile: { stakeholderGroup, region }, consent });
    await respond(call.id, { status: "DRAFT", profile: { stakeholderGroup: "PRIVATE_SECTOR", region: "AFRICA" } });

    const participation = await countParticipation(responsesOf(call.id));
    const direct = await db.$queryRaw<{ group: StakeholderGroup; region: UnRegion; n: number }[]>`
      SELECT "stakeholderGroup" AS group, region, count(*)::int AS n FROM responses
      WHERE "callId" = ${call.id} AND status = 'SUBMITTED' GROUP BY 1, 2`;
    for (const row of direct) expect(participation.cells[row.group][row.region]).toBe(row.n);
    expect(participation.cells.GOVERNMENT.AFRICA).toBe(2);
    expect(participation.cells.PRIVATE_SECTOR.AFRICA).toBe(0);
    expect(participation.total).toBe(direct.reduce((sum, row) => sum + row.n, 0));
    expect(participation.groupTotals).toMatchObject({ GOVERNMENT: 2, ACADEMIA: 1, CIVIL_SOCIETY: 1, PRIVATE_SECTOR: 0 });
    expect(participation.regionTotals).toMatchObject({ AFRICA: 3, EASTERN_EUROPE: 1 });

    // The call page gets the same count, made fit for the public: no exact small count, zeros shown.
    const publicCall = await getPublicCall(call.slug);
    expect(publicCall?.participation).toEqual(publicFigures(participation));
    expect(publicCall?.participation.groupsNotHeard).toEqual(["PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INTERGOVERNMENTAL"]);
    expect(publicCall?.participation.regionsNotHeard).toEqual([
      "ASIA_PACIFIC",
      "LATIN_AMERICA_CARIBBEAN",
      "WESTERN_EUROPE_OTHERS",
    ]);
    expect(publicCall?.participation.table.cells.GOVERNMENT.AFRICA).toBeNull();
    expect(publicCall?.participation.table.cells.PRIVATE_SECTOR.AFRICA).toBe(0);
    expect(publicCall?.participation.table.total).toBe(4);
    expect(publicCall?.publishedCount).toBe(3);
  });
});
