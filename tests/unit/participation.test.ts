// Participation insights on a real database: the figures equal counts taken directly with SQL, shares,
// growth by day in the call's time zone (across a daylight-saving change), targets and the gaps they
// leave, outreach to past contributors, the public (suppressed) figures and who may set targets.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { evaluateTargets } from "@/lib/insights/gaps";
import { listOutreach } from "@/lib/insights/outreach";
import { getModeratorParticipation, getPublicParticipation } from "@/lib/insights/participation";
import { targetsInputSchema } from "@/lib/insights/schemas";
import { setTargets } from "@/lib/insights/targets";
import { createCall, createForum, createResponse, createUser } from "@/prisma/factories";
import { createResponseFrom } from "@/prisma/factories-insights";
import { actor } from "./helpers";

afterAll(disconnectDb);

type Spec = [StakeholderGroup, UnRegion, number];

async function callWith(specs: Spec[], options: Parameters<typeof createCall>[1] = {}) {
  const call = await createCall(db, options);
  for (const [group, region, n] of specs) {
    for (let i = 0; i < n; i++) await createResponseFrom(db, { callId: call.id, group, region });
  }
  return call;
}

describe("the moderator's figures", () => {
  it("equal the counts taken directly from the responses table, private ones in, drafts and withdrawn out", async () => {
    const call = await callWith([
      ["GOVERNMENT", "AFRICA", 3],
      ["CIVIL_SOCIETY", "ASIA_PACIFIC", 6],
      ["ACADEMIA", "EASTERN_EUROPE", 1],
    ]);
    await createResponseFrom(db, { callId: call.id, group: "PRIVATE_SECTOR", region: "AFRICA", consent: "PRIVATE" });
    await createResponseFrom(db, { callId: call.id, group: "INTERGOVERNMENTAL", region: "AFRICA", status: "DRAFT" });
    const withdrawn = await createResponseFrom(db, { callId: call.id, group: "TECHNICAL_COMMUNITY", region: "AFRICA" });
    await db.response.update({ where: { id: withdrawn.response.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });

    const moderator = await actor("MODERATOR");
    const figures = await getModeratorParticipation(moderator, call.id);
    const direct = await db.$queryRaw<{ group: StakeholderGroup; region: UnRegion; n: number }[]>`
      SELECT "stakeholderGroup" AS "group", region, count(*)::int AS n FROM responses
      WHERE "callId" = ${call.id} AND status = 'SUBMITTED' GROUP BY 1, 2`;
    const [{ total } = { total: -1 }] = await db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM responses WHERE "callId" = ${call.id} AND status = 'SUBMITTED'`;

    expect(direct.length).toBe(4);
    for (const row of direct) expect(figures.counts.cells[row.group][row.region]).toBe(row.n);
    const cellSum = Object.values(figures.counts.cells)
      .flatMap((r) => Object.values(r))
      .reduce((a, b) => a + b, 0);
    expect(cellSum).toBe(total);
    expect(figures.counts.total).toBe(11);
    expect(figures.counts.groupTotals).toMatchObject({
      GOVERNMENT: 3,
      CIVIL_SOCIETY: 6,
      ACADEMIA: 1,
      PRIVATE_SECTOR: 1,
      INTERGOVERNMENTAL: 0,
      TECHNICAL_COMMUNITY: 0,
    });
    expect(figures.counts.regionTotals).toMatchObject({
      AFRICA: 4,
      ASIA_PACIFIC: 6,
      EASTERN_EUROPE: 1,
      LATIN_AMERICA_CARIBBEAN: 0,
    });
    // Shares in percent with one decimal: 6 of 11 = 54.5 %, 1 of 11 = 9.1 %.
    expect(figures.groupShares.CIVIL_SOCIETY).toBe(54.5);
    expect(figures.groupShares.ACADEMIA).toBe(9.1);
    expect(figures.groupShares.INTERGOVERNMENTAL).toBe(0);
    expect(figures.growth.at(-1)?.cumulative).toBe(total);
  });

  it("is refused to a stakeholder", async () => {
    const call = await createCall(db);
    await expect(getModeratorParticipation(await actor("STAKEHOLDER"), call.id)).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("growth by day", () => {
  it("counts days on the call's clocks across the spring daylight-saving change, by first submission", async () => {
    // Geneva moves from UTC+1 to UTC+2 at 02:00 on 29 March 2026: that local day lasts 23 hours.
    const call = await createCall(db, {
      timeZone: "Europe/Zurich",
      opensAt: new Date("2026-03-27T09:00:00Z"),
      closesAt: new Date("2026-04-01T15:00:00Z"),
    });
    const at = async (iso: string) =>
      createResponseFrom(db, { callId: call.id, group: "GOVERNMENT", region: "AFRICA", submittedAt: new Date(iso) });
    await at("2026-03-27T22:59:00Z"); // 23:59 on the 27th in Geneva
    await at("2026-03-28T23:30:00Z"); // 00:30 on the 29th in Geneva (the 28th in UTC)
    await at("2026-03-29T21:30:00Z"); // 23:30 on the 29th in Geneva (summer time)
    const edited = await at("2026-03-29T22:30:00Z"); // 00:30 on the 30th in Geneva (the 29th in UTC)
    // An edit moves submittedAt, not the day the response arrived (its first version).
    await db.response.update({ where: { id: edited.response.id }, data: { submittedAt: new Date("2026-03-31T12:00:00Z") } });

    const figures = await getModeratorParticipation(await actor("MODERATOR"), call.id, new Date("2026-04-05T00:00:00Z"));
    expect(figures.growth).toEqual([
      { date: "2026-03-27", count: 1, cumulative: 1 },
      { date: "2026-03-28", count: 0, cumulative: 1 },
      { date: "2026-03-29", count: 2, cumulative: 3 },
      { date: "2026-03-30", count: 1, cumulative: 4 },
      { date: "2026-03-31", count: 0, cumulative: 4 },
      { date: "2026-04-01", count: 0, cumulative: 4 },
    ]);
    const direct = await db.$queryRaw<{ day: string; n: number }[]>`
      SELECT to_char((min(v."submittedAt") AT TIME ZONE 'Europe/Zurich')::date, 'YYYY-MM-DD') AS day, 1::int AS n
      FROM responses r JOIN response_versions v ON v."responseId" = r.id
      WHERE r."callId" = ${call.id} AND r.status = 'SUBMITTED' GROUP BY r.id`;
    const perDay = new Map<string, number>();
    for (const row of direct) perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.n);
    for (const point of figures.growth) expect(point.count).toBe(perDay.get(point.date) ?? 0);
  });

  it("counts the 25-hour autumn day as one day", async () => {
    // Geneva moves back from UTC+2 to UTC+1 at 03:00 on 25 October 2026.
    const call = await createCall(db, {
      timeZone: "Europe/Zurich",
      opensAt: new Date("2026-10-24T08:00:00Z"),
      closesAt: new Date("2026-10-26T20:00:00Z"),
    });
    for (const iso of ["2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z"]) {
      await createResponseFrom(db, { callId: call.id, group: "ACADEMIA", region: "EASTERN_EUROPE", submittedAt: new Date(iso) });
    }
    const figures = await getModeratorParticipation(await actor("MODERATOR"), call.id, new Date("2026-11-01T00:00:00Z"));
    // 00:30 summer time and 23:30 winter time are both the 25th; 00:30 the next night is the 26th.
    expect(figures.growth.map((p) => [p.date, p.count, p.cumulative])).toEqual([
      ["2026-10-24", 0, 0],
      ["2026-10-25", 2, 2],
      ["2026-10-26", 1, 3],
    ]);
  });

  it("cuts days at the zone's midnight when its offset is not a whole hour (Kathmandu, UTC+5:45)", async () => {
    const call = await createCall(db, {
      timeZone: "Asia/Kathmandu",
      opensAt: new Date("2026-03-01T00:00:00Z"),
      closesAt: new Date("2026-03-03T00:00:00Z"),
    });
    // 23:59:59 on 1 March in Kathmandu, then midnight of the 2nd.
    for (const iso of ["2026-03-01T18:14:59Z", "2026-03-01T18:15:00Z"]) {
      await createResponseFrom(db, { callId: call.id, group: "ACADEMIA", region: "ASIA_PACIFIC", submittedAt: new Date(iso) });
    }
    const figures = await getModeratorParticipation(await actor("MODERATOR"), call.id, new Date("2026-03-05T00:00:00Z"));
    expect(figures.growth.map((p) => [p.date, p.count, p.cumulative])).toEqual([
      ["2026-03-01", 1, 1],
      ["2026-03-02", 1, 2],
      ["2026-03-03", 0, 2],
    ]);
  });

  it("stops at today while the call is open and is empty before it opens", async () => {
    const call = await createCall(db, { opensAt: new Date("2030-01-01T00:00:00Z"), closesAt: new Date("2030-02-01T00:00:00Z") });
    const moderator = await actor("MODERATOR");
    expect((await getModeratorParticipation(moderator, call.id, new Date("2029-12-31T00:00:00Z"))).growth).toEqual([]);
    expect(
      (await getModeratorParticipation(moderator, call.id, new Date("2030-01-03T12:00:00Z"))).growth.map((p) => p.date),
    ).toEqual(["2030-01-01", "2030-01-02", "2030-01-03"]);
  });
});

describe("targets and gaps", () => {
  it("names groups below the share, regions not represented and empty group × region combinations", async () => {
    const call = await callWith([
      ["GOVERNMENT", "AFRICA", 8],
      ["CIVIL_SOCIETY", "AFRICA", 1],
      ["ACADEMIA", "ASIA_PACIFIC", 1],
    ]);
    const { counts } = await getModeratorParticipation(await actor("MODERATOR"), call.id);
    const gaps = evaluateTargets(counts, { minGroupShare: 10, allRegions: true });
    const below = gaps.filter((g) => g.kind === "groupBelowShare");
    // 1 of 10 is exactly 10 %: met. The three groups with nothing are below.
    expect(below.map((g) => g.group)).toEqual(["PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INTERGOVERNMENTAL"]);
    expect(below[0]).toMatchObject({ count: 0, share: 0, target: 10 });
    expect(gaps.filter((g) => g.kind === "regionMissing").map((g) => g.region)).toEqual([
      "EASTERN_EUROPE",
      "LATIN_AMERICA_CARIBBEAN",
      "WESTERN_EUROPE_OTHERS",
    ]);
    // Combinations left: heard groups × heard regions with nothing, e.g. Government in Asia-Pacific.
    expect(gaps.filter((g) => g.kind === "cellMissing").map((g) => `${g.group}/${g.region}`)).toEqual([
      "GOVERNMENT/ASIA_PACIFIC",
      "CIVIL_SOCIETY/ASIA_PACIFIC",
      "ACADEMIA/AFRICA",
    ]);

    const strict = evaluateTargets(counts, { minGroupShare: 11, allRegions: false });
    expect(strict.filter((g) => g.kind === "groupBelowShare").map((g) => g.group)).toContain("CIVIL_SOCIETY");
    expect(strict.some((g) => g.kind === "regionMissing")).toBe(false);
    expect(strict.filter((g) => g.kind === "cellMissing")).toContainEqual({
      kind: "cellMissing",
      group: "GOVERNMENT",
      region: "LATIN_AMERICA_CARIBBEAN",
    });
  });

  it("are set by a moderator, audited, and refused to a stakeholder without a change", async () => {
    const call = await createCall(db);
    const moderator = await actor("MODERATOR");
    await setTargets(moderator, targetsInputSchema.parse({ callId: call.id, minGroupShare: "20", allRegions: "on" }));
    const saved = await db.call.findUniqueOrThrow({
      where: { id: call.id },
      select: { targetMinGroupShare: true, targetAllRegions: true },
    });
    expect(saved).toEqual({ targetMinGroupShare: 20, targetAllRegions: true });
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { itemId: call.id, action: "call.targets" },
      select: { actorId: true, before: true, after: true, callId: true },
    });
    expect(entry).toEqual({
      actorId: moderator.id,
      callId: call.id,
      before: { targetMinGroupShare: null, targetAllRegions: false },
      after: { targetMinGroupShare: 20, targetAllRegions: true },
    });

    await expect(
      setTargets(await actor("STAKEHOLDER"), targetsInputSchema.parse({ callId: call.id, minGroupShare: "" })),
    ).rejects.toMatchObject({ kind: "forbidden" });
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id }, select: { targetMinGroupShare: true } })).toEqual({
      targetMinGroupShare: 20,
    });
    await expect(
      setTargets(moderator, targetsInputSchema.parse({ callId: "no-such-call", minGroupShare: "" })),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("accepts whole percentages from 0 to 100 or nothing", () => {
    expect(targetsInputSchema.parse({ callId: "c", minGroupShare: " " })).toEqual({
      callId: "c",
      minGroupShare: null,
      allRegions: false,
    });
    for (const bad of ["101", "-1", "12.5", "ten"]) {
      expect(targetsInputSchema.safeParse({ callId: "c", minGroupShare: bad }).success).toBe(false);
    }
  });
});

describe("outreach", () => {
  it("lists past contributors of missing groups and regions, same forum first, not those who answered", async () => {
    const forum = await createForum(db);
    const earlier = await createCall(db, { forumId: forum.id });
    const elsewhere = await createCall(db);
    const call = await callWith([["GOVERNMENT", "AFRICA", 2]], { forumId: forum.id });
    const fromForum = await createResponseFrom(db, {
      callId: earlier.id,
      group: "INTERGOVERNMENTAL",
      region: "AFRICA",
      name: "Zora Forum",
    });
    const fromOther = await createResponseFrom(db, {
      callId: elsewhere.id,
      group: "INTERGOVERNMENTAL",
      region: "AFRICA",
      name: "Ada Other",
    });
    const sameGroupAsHeard = await createResponseFrom(db, { callId: earlier.id, group: "GOVERNMENT", region: "AFRICA" });
    // Answered this call too (as Academia, still below the target of 50 %): not to be asked again.
    const answered = await createResponseFrom(db, { callId: earlier.id, group: "ACADEMIA", region: "AFRICA" });
    await createResponse(db, { callId: call.id, authorId: answered.user.id, status: "SUBMITTED" });
    const neverContributed = await createUser(db, { profile: { stakeholderGroup: "INTERGOVERNMENTAL", region: "AFRICA" } });

    const moderator = await actor("MODERATOR");
    const { counts } = await getModeratorParticipation(moderator, call.id);
    const gaps = evaluateTargets(counts, { minGroupShare: 50, allRegions: false });
    expect(gaps.filter((g) => g.kind === "groupBelowShare").map((g) => g.group)).toContain("ACADEMIA");
    const contacts = await listOutreach(moderator, call.id, gaps);
    const ids = contacts.map((c) => c.id);
    expect(ids.indexOf(fromForum.user.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(fromForum.user.id)).toBeLessThan(ids.indexOf(fromOther.user.id));
    expect(contacts.find((c) => c.id === fromForum.user.id)).toMatchObject({
      name: "Zora Forum",
      email: fromForum.user.email,
      group: "INTERGOVERNMENTAL",
      region: "AFRICA",
      sameForum: true,
    });
    for (const absent of [sameGroupAsHeard.user.id, answered.user.id, neverContributed.id]) expect(ids).not.toContain(absent);
    expect(contacts.length).toBeLessThanOrEqual(50);
    await expect(listOutreach(await actor("STAKEHOLDER"), call.id, gaps)).rejects.toMatchObject({ kind: "forbidden" });
  });
});

describe("the public figures", () => {
  it("suppress small cells and totals, and are only for published calls", async () => {
    const call = await callWith([
      ["GOVERNMENT", "AFRICA", 6],
      ["GOVERNMENT", "ASIA_PACIFIC", 5],
      ["CIVIL_SOCIETY", "AFRICA", 2],
      ["CIVIL_SOCIETY", "ASIA_PACIFIC", 5],
    ]);
    const figures = await getPublicParticipation(call.slug);
    expect(figures).not.toBeNull();
    const { table, groupShares } = figures!;
    expect(table.total).toBe(18);
    expect(table.cells.CIVIL_SOCIETY.AFRICA).toBeNull(); // 2: fewer than 5
    // Civil Society's total (7) is shown, so one more of its cells is hidden, else 7 − 5 would give 2 away.
    expect(table.cells.CIVIL_SOCIETY.ASIA_PACIFIC).toBeNull();
    expect(table.cells.GOVERNMENT.AFRICA).toBeNull();
    expect(table.rowTotals.GOVERNMENT).toBe(11);
    expect(table.cells.ACADEMIA.AFRICA).toBe(0);
    expect(groupShares.GOVERNMENT).toBe(61.1);
    for (const row of Object.values(table.cells))
      for (const value of Object.values(row)) expect(value === null || value === 0 || value >= 5).toBe(true);

    const unpublished = await createCall(db, { publishedAt: null });
    expect(await getPublicParticipation(unpublished.slug)).toBeNull();
  });
});
