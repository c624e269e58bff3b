// A response hidden by moderation, or withdrawn by its author, counts nowhere (lib/responses/counted.ts): not in
// the exact or public participation, the growth series, the targets' gaps, a call's response count, the list
// of contributors, the final document's totals, the audience of the call's emails, or the outreach list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listForumsWithCalls } from "@/lib/calls/calls";
import { moderationHome } from "@/lib/calls/moderation-home";
import { db, disconnectDb } from "@/lib/db";
import { evaluateTargets } from "@/lib/insights/gaps";
import { listOutreach } from "@/lib/insights/outreach";
import { getModeratorParticipation, getPublicParticipation } from "@/lib/insights/participation";
import { getFinalMessages } from "@/lib/messages/final";
import { queueDraftOpened, queueFinalPublished } from "@/lib/notifications/events";
import { listContributors } from "@/lib/responses/public";
import { createCall, createForum } from "@/prisma/factories";
import { createFinalScenario } from "@/prisma/factories-final";
import { createResponseFrom } from "@/prisma/factories-insights";
import { createComment } from "@/prisma/factories-notifications";
import { appointee } from "./helpers";

afterAll(disconnectDb);

let forumId: string;
let call: Awaited<ReturnType<typeof createCall>>;
let people: Record<"counted" | "alsoCounted" | "hidden" | "withdrawn", Awaited<ReturnType<typeof createResponseFrom>>>;

beforeAll(async () => {
  forumId = (await createForum(db)).id;
  call = await createCall(db, { forumId });
  const from = (
    group: Parameters<typeof createResponseFrom>[1]["group"],
    region: Parameters<typeof createResponseFrom>[1]["region"],
  ) => createResponseFrom(db, { callId: call.id, group, region, consent: "PUBLISH_NAMED" });
  people = {
    counted: await from("CIVIL_SOCIETY", "AFRICA"),
    alsoCounted: await from("GOVERNMENT", "EASTERN_EUROPE"),
    // The only response of its group and region: an advertisement, hidden by the moderators.
    hidden: await from("TECHNICAL_COMMUNITY", "LATIN_AMERICA_CARIBBEAN"),
    withdrawn: await createResponseFrom(db, {
      callId: call.id,
      group: "ACADEMIA",
      region: "ASIA_PACIFIC",
      status: "WITHDRAWN",
    }),
  };
  await db.response.update({ where: { id: people.hidden.response.id }, data: { moderationState: "HIDDEN" } });
});

describe("a hidden or withdrawn response", () => {
  it("leaves the exact participation, its growth and the targets' gaps", async () => {
    const facilitator = await appointee(forumId, "FACILITATOR");
    const exact = await getModeratorParticipation(facilitator, call.id);
    expect(exact.counts.total).toBe(2);
    expect(exact.counts.groupTotals.TECHNICAL_COMMUNITY).toBe(0);
    expect(exact.counts.groupTotals.ACADEMIA).toBe(0);
    expect(exact.counts.regionTotals.LATIN_AMERICA_CARIBBEAN).toBe(0);
    expect(exact.growth.at(-1)?.cumulative).toBe(2);

    const gaps = evaluateTargets(exact.counts, { minGroupShare: 10, allRegions: true });
    expect(gaps).toContainEqual({ kind: "regionMissing", region: "LATIN_AMERICA_CARIBBEAN" });
    expect(gaps).toContainEqual(expect.objectContaining({ kind: "groupBelowShare", group: "TECHNICAL_COMMUNITY", count: 0 }));
  });

  it("leaves the public participation, the call's response count and the contributors", async () => {
    const figures = (await getPublicParticipation(call.slug))!;
    expect(figures.groupsNotHeard).toEqual(expect.arrayContaining(["TECHNICAL_COMMUNITY", "ACADEMIA"]));
    expect(figures.regionsNotHeard).toEqual(expect.arrayContaining(["LATIN_AMERICA_CARIBBEAN", "ASIA_PACIFIC"]));
    expect(figures.growth.at(-1)?.cumulative).toBe(2);

    const listed = (await listForumsWithCalls()).flatMap((forum) => forum.calls).find((c) => c.id === call.id);
    expect(listed?.submittedCount).toBe(2);

    const contributors = (await listContributors(call.id))!;
    expect(contributors.total).toBe(2);
    expect(contributors.named.map((person) => person.id).sort()).toEqual(
      [people.counted.response.id, people.alsoCounted.response.id].sort(),
    );

    const facilitator = await appointee(forumId, "FACILITATOR");
    const home = (await moderationHome(facilitator)).flatMap((forum) => forum.calls).find((c) => c.id === call.id);
    expect(home?.groupsHeard).toBe(2);
  });

  it("leaves the audience of the call's emails, and the outreach list", async () => {
    await db.callFollow.create({ data: { userId: people.counted.user.id, callId: call.id }, select: { userId: true } });
    const set = await db.messageSet.create({
      data: { callId: call.id, slug: `counted-${call.slug}`, title: "Draft messages" },
      select: { id: true },
    });
    const version = await db.messageSetVersion.create({
      data: { setId: set.id, number: 1, title: "Draft messages", introduction: "", content: [] },
      select: { id: true },
    });
    await db.$transaction((tx) => queueDraftOpened(tx, { versionId: version.id }));
    const recipients = async (prefix: string) =>
      (await db.emailJob.findMany({ where: { dedupeKey: { startsWith: prefix } }, select: { userId: true } })).map(
        (job) => job.userId,
      );
    expect((await recipients(`draft-opened:${version.id}:`)).sort()).toEqual(
      [people.counted.user.id, people.alsoCounted.user.id].sort(),
    );

    // A commenter whose only comment was hidden is no longer in the set's audience either.
    const hiddenCommenter = people.withdrawn.user;
    await createComment(db, { setId: set.id, versionId: version.id, authorId: hiddenCommenter.id, moderationState: "HIDDEN" });
    await db.$transaction((tx) => queueFinalPublished(tx, { versionId: version.id }));
    const final = await recipients(`final-published:${version.id}:`);
    expect(final).not.toContain(hiddenCommenter.id);
    expect(final).not.toContain(people.hidden.user.id);
    expect(final).toHaveLength(2);

    // Outreach: people who contributed to another call of the forum, but not if that contribution was hidden.
    const next = await createCall(db, { forumId });
    const facilitator = await appointee(forumId, "FACILITATOR");
    const gaps = [{ kind: "regionMissing" as const, region: "LATIN_AMERICA_CARIBBEAN" as const }];
    expect((await listOutreach(facilitator, next.id, gaps)).map((person) => person.id)).not.toContain(people.hidden.user.id);
    await db.response.update({ where: { id: people.hidden.response.id }, data: { moderationState: "PUBLISHED" } });
    expect((await listOutreach(facilitator, next.id, gaps)).map((person) => person.id)).toContain(people.hidden.user.id);
    await db.response.update({ where: { id: people.hidden.response.id }, data: { moderationState: "HIDDEN" } });
  });

  it("leaves the final document's totals", async () => {
    const scenario = await createFinalScenario(db, { extraAnonymous: 5 });
    const final = (await getFinalMessages(scenario.set.slug))!;
    // Zoë, Dmitry, the anonymous and the private author, and five more anonymous ones: not the hidden or the
    // withdrawn one.
    expect(final.contributors?.total).toBe(9);
    expect(final.participation?.groupsNotHeard).toContain("TECHNICAL_COMMUNITY");
    expect(final.participation?.regionsNotHeard).toContain("LATIN_AMERICA_CARIBBEAN");
  });
});
