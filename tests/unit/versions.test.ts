import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { cite } from "@/lib/messages/citations";
import { successorsOf, versionContentSchema } from "@/lib/messages/content";
import { diffVersions } from "@/lib/messages/diff";
import { compareSavedVersions, comparePublishedVersions, listPublishedVersions } from "@/lib/messages/history";
import {
  addParagraph,
  editParagraph,
  mergeParagraphs,
  moveParagraph,
  moveParagraphToSection,
  splitParagraph,
} from "@/lib/messages/paragraphs";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { addSection, renameSection } from "@/lib/messages/sections";
import { updateMessageSet } from "@/lib/messages/sets";
import { splitPoints } from "@/lib/messages/split-points";
import { closeCommentPeriod, finaliseVersion, publishVersion, saveVersion, VERSION_LIMITS } from "@/lib/messages/versions";
import { createSetWithParagraphs } from "@/prisma/factories-versions";
import { createSourceResponse } from "@/prisma/factories-messages";
import { actor } from "./helpers";

afterAll(disconnectDb);

let moderator: SessionUser;
beforeAll(async () => {
  moderator = await actor("MODERATOR");
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** The refusal as data: its kind, code, parameters and per-field codes. */
async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, params: error.params, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function frozen(versionId: string) {
  const row = await db.messageSetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { content: true } });
  return versionContentSchema.parse(row.content);
}

const ids = (content: Awaited<ReturnType<typeof frozen>>) => content.map((s) => s.paragraphs.map((p) => p.paragraphId));

describe("paragraph identity across versions", () => {
  it("keeps ids through edit and moves, and records lineage for split and merge", async () => {
    const {
      set,
      sections,
      paragraphs: [p1, p2, p3, p4, p5],
    } = await createSetWithParagraphs(moderator, [
      ["Trust", ["First sentence. Second sentence.", "Two.", "Three."]],
      ["Capacity", ["Four.", "Five."]],
    ]);
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    await editParagraph(moderator, { paragraphId: p3!.id, body: "Three, revised." });
    await moveParagraph(moderator, { paragraphId: p3!.id, direction: "up" }); // within the section
    await moveParagraphToSection(moderator, { paragraphId: p2!.id, sectionId: sections[1]!.id }); // across
    const split = await splitParagraph(moderator, { paragraphId: p1!.id, at: "First sentence. ".length });
    expect(split.body).toBe("First sentence.");
    expect(split.created).toMatchObject({ body: "Second sentence.", origins: [p1!.id], sectionId: sections[0]!.id, position: 2 });
    const merged = await mergeParagraphs(moderator, { paragraphId: p4!.id });
    expect(merged).toMatchObject({ body: "Four.\n\nFive.", origins: [p5!.id], removedId: p5!.id });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Edited, moved, split and merged" });

    const c1 = await frozen(v1.id);
    const c2 = await frozen(v2.id);
    expect(ids(c1)).toEqual([
      [p1!.id, p2!.id, p3!.id],
      [p4!.id, p5!.id],
    ]);
    expect(ids(c2)).toEqual([
      [p1!.id, split.created.id, p3!.id],
      [p4!.id, p2!.id],
    ]);
    const body = (id: string) => c2.flatMap((s) => s.paragraphs).find((p) => p.paragraphId === id)!;
    expect(body(split.created.id).origins).toEqual([p1!.id]);
    expect(body(p4!.id)).toMatchObject({ body: "Four.\n\nFive.", origins: [p5!.id] });
    expect(body(p3!.id).body).toBe("Three, revised.");

    expect(successorsOf(p1!.id, c2)).toEqual([p1!.id, split.created.id]);
    expect(successorsOf(p2!.id, c2)).toEqual([p2!.id]);
    expect(successorsOf(p3!.id, c2)).toEqual([p3!.id]);
    expect(successorsOf(p5!.id, c2)).toEqual([p4!.id]);

    const diff = diffVersions(c1, c2);
    const entry = (key: string) => diff.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
    expect(entry(split.created.id)).toMatchObject({ status: "split", splitFrom: 1, edited: false });
    expect(entry(`from:${p5!.id}`)).toMatchObject({ status: "merged", mergedInto: 4 });
    expect(entry(p2!.id)).toMatchObject({ status: "moved", fromNumber: 2, toNumber: 5 });
    // p3 went up past p2, which then left the heading: its order among the kept paragraphs is unchanged.
    expect(entry(p3!.id)).toMatchObject({ status: "edited", edited: true, fromNumber: 3, toNumber: 3 });

    const audit = await db.auditEntry.findMany({
      where: { itemId: { in: [p1!.id, p4!.id] } },
      select: { action: true, after: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "messageParagraph.create",
      "messageParagraph.create",
      "messageParagraph.merge",
      "messageParagraph.split",
    ]);
  });

  it("a split copies the citations and refuses an empty part; a merge moves citations without duplicates", async () => {
    const {
      call,
      set,
      paragraphs: [a, b, c],
    } = await createSetWithParagraphs(moderator, [["Trust", ["Alpha one. Alpha two.", "Beta.", "Gamma."]]]);
    const r1 = await createSourceResponse(db, { callId: call.id });
    const r2 = await createSourceResponse(db, { callId: call.id });
    await cite(moderator, { paragraphId: a!.id, responseId: r1.id });
    await cite(moderator, { paragraphId: b!.id, responseId: r1.id });
    await cite(moderator, { paragraphId: b!.id, responseId: r2.id });

    for (const offset of [1_000, "Alpha one. Alpha two.".length, 0]) {
      const result = await refusal(splitParagraph(moderator, { paragraphId: a!.id, at: offset }));
      expect(result).toBe("invalid:splitEmpty");
    }
    expect((await db.messageParagraph.findUniqueOrThrow({ where: { id: a!.id }, select: { body: true } })).body).toBe(
      "Alpha one. Alpha two.",
    );

    const split = await splitParagraph(moderator, { paragraphId: a!.id, at: 11, length: "Alpha one. Alpha two.".length });
    // The same form sent again names a text that is no longer there: refused, nothing split twice.
    expect(await refusal(splitParagraph(moderator, { paragraphId: a!.id, at: 11, length: "Alpha one. Alpha two.".length }))).toBe(
      "conflict:paragraphChanged",
    );
    expect(await db.citation.count({ where: { paragraphId: split.created.id, responseId: r1.id } })).toBe(1);
    expect(await db.citation.count({ where: { paragraphId: a!.id } })).toBe(1);

    // Merging b into the split-off part: r1 is cited by both (kept once), r2 moves.
    await moveParagraph(moderator, { paragraphId: b!.id, direction: "up" }); // b now right after a, before the split part
    await moveParagraph(moderator, { paragraphId: b!.id, direction: "down" });
    const merged = await mergeParagraphs(moderator, { paragraphId: split.created.id, nextId: b!.id });
    // Replayed: the next paragraph is now c, not b; refused.
    expect(await refusal(mergeParagraphs(moderator, { paragraphId: split.created.id, nextId: b!.id }))).toBe(
      "conflict:paragraphChanged",
    );
    expect(merged.origins).toEqual([a!.id, b!.id]);
    const cited = await db.citation.findMany({ where: { paragraphId: split.created.id }, select: { responseId: true } });
    expect(cited.map((x) => x.responseId).sort()).toEqual([r1.id, r2.id].sort());
    expect(await db.messageParagraph.count({ where: { id: b!.id } })).toBe(0);
    // The last paragraph under a heading has nothing to merge with.
    expect(await refusal(mergeParagraphs(moderator, { paragraphId: c!.id }))).toBe("conflict:nothingToMerge");
    const positions = await db.messageParagraph.findMany({
      where: { setId: set.id },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    expect(positions.map((p) => p.position)).toEqual([1, 2, 3]);
    expect(positions.map((p) => p.id)).toEqual([a!.id, split.created.id, c!.id]);
  });

  it("refuses a merge longer than a paragraph may be, changing nothing", async () => {
    const long = "x".repeat(3000);
    const {
      paragraphs: [a, b],
    } = await createSetWithParagraphs(moderator, [["Trust", [long, long]]]);
    expect(await refusal(mergeParagraphs(moderator, { paragraphId: a!.id }))).toBe("conflict:mergeTooLong");
    expect(await db.messageParagraph.count({ where: { id: { in: [a!.id, b!.id] } } })).toBe(2);
  });

  it("offers split points before each sentence", () => {
    expect(splitPoints("One. Two! Three?\n\nFour")).toEqual([
      { at: 5, sentence: 2, start: "Two! Three? Four" },
      { at: 10, sentence: 3, start: "Three? Four" },
      { at: 18, sentence: 4, start: "Four" },
    ]);
    expect(splitPoints("No boundary here")).toEqual([]);
  });
});

describe("publishing versions", () => {
  it("requires a change summary from version 2 on", async () => {
    const { set } = await createSetWithParagraphs(moderator, [["Trust", ["One."]]]);
    await saveVersion(moderator, { setId: set.id, summary: "" });
    expect(await refusal(saveVersion(moderator, { setId: set.id, summary: "   " }))).toBe("invalid:summaryRequired");
    expect(await db.messageSetVersion.count({ where: { setId: set.id } })).toBe(1);
  });

  it("checks the comment period's bounds and changes nothing when refused", async () => {
    const { set } = await createSetWithParagraphs(moderator, [["Trust", ["One."]]]);
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    const now = new Date();
    const cases: [Date | null, Date | null, string][] = [
      [at(now, HOUR), null, "invalid:periodBothEnds"],
      [null, at(now, HOUR), "invalid:periodBothEnds"],
      [at(now, 2 * HOUR), at(now, HOUR), "invalid:periodClosesBeforeOpens"],
      [at(now, -2 * DAY), at(now, -DAY), "invalid:periodClosesInPast"],
      [at(now, HOUR), at(now, HOUR + (VERSION_LIMITS.periodMaxDays + 1) * DAY), "invalid:periodTooLong"],
    ];
    for (const [opens, closes, expected] of cases)
      expect(
        await refusal(publishVersion(moderator, { versionId: v1.id, commentOpensAt: opens, commentClosesAt: closes }, now)),
      ).toBe(expected);
    const row = await db.messageSetVersion.findUniqueOrThrow({
      where: { id: v1.id },
      select: { publishedAt: true, commentOpensAt: true },
    });
    expect(row).toEqual({ publishedAt: null, commentOpensAt: null });
    expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status).toBe("DRAFT");
    // Exactly the longest period is accepted; an opening in the past starts at publication.
    const done = await publishVersion(
      moderator,
      { versionId: v1.id, commentOpensAt: at(now, -HOUR), commentClosesAt: at(now, VERSION_LIMITS.periodMaxDays * DAY - HOUR) },
      now,
    );
    expect(done.commentOpensAt).toEqual(now);
  });

  it("refuses a new version while another's period is open or to come, until it is closed or cancelled", async () => {
    const {
      set,
      paragraphs: [p],
    } = await createSetWithParagraphs(moderator, [["Trust", ["One."]]]);
    const now = new Date();
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    await publishVersion(moderator, { versionId: v1.id, commentOpensAt: now, commentClosesAt: at(now, 10 * DAY) }, now);
    expect((await getPublishedMessageSet(set.slug, at(now, HOUR)))?.version.commentPeriod).toBe("open");
    await editParagraph(moderator, { paragraphId: p!.id, body: "One, revised." });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Revised" });
    const open = await refused(publishVersion(moderator, { versionId: v2.id }, at(now, HOUR)));
    expect(open).toMatchObject({ kind: "conflict", code: "periodOpen", params: { n: 1, next: 2, until: at(now, 10 * DAY) } });
    expect(
      (await db.messageSetVersion.findUniqueOrThrow({ where: { id: v2.id }, select: { publishedAt: true } })).publishedAt,
    ).toBeNull();

    const closedAt = at(now, 2 * HOUR);
    expect(await closeCommentPeriod(moderator, { versionId: v1.id, reason: "Version 2 follows" }, closedAt)).toMatchObject({
      state: "closed",
      number: 1,
    });
    expect(
      await db.messageSetVersion.findUniqueOrThrow({
        where: { id: v1.id },
        select: { commentOpensAt: true, commentClosesAt: true },
      }),
    ).toEqual({ commentOpensAt: now, commentClosesAt: closedAt });
    expect(await refusal(closeCommentPeriod(moderator, { versionId: v1.id, reason: "Again" }, at(now, 3 * HOUR)))).toBe(
      "conflict:noActivePeriod",
    );

    // Version 2 with a period still to come blocks version 3; cancelling it clears both ends.
    const later = at(now, 3 * HOUR);
    await publishVersion(
      moderator,
      { versionId: v2.id, commentOpensAt: at(now, 5 * DAY), commentClosesAt: at(now, 20 * DAY) },
      later,
    );
    await editParagraph(moderator, { paragraphId: p!.id, body: "One, revised again." });
    const v3 = await saveVersion(moderator, { setId: set.id, summary: "Again" });
    expect(await refused(publishVersion(moderator, { versionId: v3.id }, later))).toMatchObject({
      kind: "conflict",
      code: "periodUpcoming",
      params: { n: 2, next: 3, opens: at(now, 5 * DAY) },
    });
    expect(await closeCommentPeriod(moderator, { versionId: v2.id, reason: "Version 3 follows" }, later)).toMatchObject({
      state: "cancelled",
    });
    expect(
      await db.messageSetVersion.findUniqueOrThrow({
        where: { id: v2.id },
        select: { commentOpensAt: true, commentClosesAt: true },
      }),
    ).toEqual({ commentOpensAt: null, commentClosesAt: null });
    await publishVersion(moderator, { versionId: v3.id }, later);

    const actions = await db.auditEntry.findMany({
      where: { itemId: { in: [v1.id, v2.id, v3.id] } },
      orderBy: { id: "asc" },
      select: { action: true, itemId: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "messageSetVersion.create",
      "messageSetVersion.publish",
      "messageSetVersion.create",
      "messageSetVersion.closePeriod",
      "messageSetVersion.publish",
      "messageSetVersion.create",
      "messageSetVersion.cancelPeriod",
      "messageSetVersion.publish",
    ]);

    const listed = await listPublishedVersions(set.slug, later);
    expect(listed?.versions.map((v) => [v.number, v.commentPeriod])).toEqual([
      [3, "none"],
      [2, "none"],
      [1, "closed"],
    ]);
  });

  it("publishes only a version newer than the latest published one", async () => {
    const {
      set,
      paragraphs: [p],
    } = await createSetWithParagraphs(moderator, [["Trust", ["One."]]]);
    await saveVersion(moderator, { setId: set.id, summary: "" });
    await editParagraph(moderator, { paragraphId: p!.id, body: "Two." });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Two" });
    await editParagraph(moderator, { paragraphId: p!.id, body: "Three." });
    const v3 = await saveVersion(moderator, { setId: set.id, summary: "Three" });
    await publishVersion(moderator, { versionId: v3.id });
    expect(await refused(publishVersion(moderator, { versionId: v2.id }))).toMatchObject({
      kind: "conflict",
      code: "olderThanPublished",
      params: { n: 2, latest: 3 },
    });
    expect(await refusal(finaliseVersion(moderator, { versionId: v2.id }))).toBe("conflict:olderThanPublished");
    expect(await refusal(publishVersion(moderator, { versionId: "nope" }))).toBe("not_found:versionNotFound");
  });
});

describe("final versions", () => {
  it("marks the latest published version final, then refuses every change to the set", async () => {
    const {
      set,
      sections,
      paragraphs: [p, q],
    } = await createSetWithParagraphs(moderator, [["Trust", ["One. Two.", "Three."]]]);
    const now = new Date();
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    await publishVersion(moderator, { versionId: v1.id, commentOpensAt: now, commentClosesAt: at(now, DAY) }, now);
    expect(await refused(finaliseVersion(moderator, { versionId: v1.id }, at(now, HOUR)))).toMatchObject({
      kind: "conflict",
      code: "ownPeriodOpen",
      params: { n: 1, until: at(now, DAY) },
    });
    // Neither paragraph cites a source: the checklist names the gap, and it takes a second tick to go on.
    expect(await refused(finaliseVersion(moderator, { versionId: v1.id }, at(now, 2 * DAY)))).toMatchObject({
      kind: "conflict",
      code: "finalGaps",
      params: { paragraphs: 2, comments: 0 },
      fieldErrors: { acceptGaps: [{ code: "finalGaps", params: { paragraphs: 2, comments: 0 } }] },
    });
    expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status).toBe("PUBLISHED");
    const done = await finaliseVersion(moderator, { versionId: v1.id, acceptGaps: true }, at(now, 2 * DAY));
    expect(done).toMatchObject({ number: 1, finalisedAt: at(now, 2 * DAY) });
    expect((await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { status: true } })).status).toBe("FINAL");
    const published = await getPublishedMessageSet(set.slug);
    expect(published?.version).toMatchObject({ number: 1, finalisedAt: at(now, 2 * DAY) });

    const refusals = await Promise.all(
      [
        saveVersion(moderator, { setId: set.id, summary: "More" }),
        publishVersion(moderator, { versionId: v1.id }),
        finaliseVersion(moderator, { versionId: v1.id }),
        editParagraph(moderator, { paragraphId: p!.id, body: "Changed" }),
        splitParagraph(moderator, { paragraphId: p!.id, at: 5 }),
        mergeParagraphs(moderator, { paragraphId: p!.id }),
        addParagraph(moderator, { sectionId: sections[0]!.id, body: "New" }),
        addSection(moderator, { setId: set.id, heading: "New" }),
        renameSection(moderator, { sectionId: sections[0]!.id, heading: "New" }),
        updateMessageSet(moderator, { setId: set.id, title: "Retitled", introduction: "" }),
      ].map(refusal),
    );
    expect(refusals).toEqual(Array(10).fill("conflict:setFinal"));
    expect(await db.messageParagraph.count({ where: { id: { in: [p!.id, q!.id] } } })).toBe(2);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { itemId: v1.id, action: "messageSetVersion.finalise" } });
    expect(entry.after).toMatchObject({ unsourcedParagraphs: [1, 2], unansweredComments: 0 });
  });

  it("publishes a saved version directly as final, unless another period is open", async () => {
    const {
      set,
      paragraphs: [p],
    } = await createSetWithParagraphs(moderator, [["Trust", ["One."]]]);
    const now = new Date();
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    await publishVersion(moderator, { versionId: v1.id, commentOpensAt: now, commentClosesAt: at(now, DAY) }, now);
    await editParagraph(moderator, { paragraphId: p!.id, body: "One, final." });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Final text" });
    expect(await refused(finaliseVersion(moderator, { versionId: v2.id }, at(now, HOUR)))).toMatchObject({
      kind: "conflict",
      code: "periodOpenFinal",
      params: { n: 1, next: 2, until: at(now, DAY) },
    });
    await closeCommentPeriod(moderator, { versionId: v1.id, reason: "The text is settled" }, at(now, 2 * HOUR));
    await finaliseVersion(moderator, { versionId: v2.id, acceptGaps: true }, at(now, 3 * HOUR));
    const row = await db.messageSetVersion.findUniqueOrThrow({
      where: { id: v2.id },
      select: { publishedAt: true, finalisedAt: true },
    });
    expect(row).toEqual({ publishedAt: at(now, 3 * HOUR), finalisedAt: at(now, 3 * HOUR) });
    const compared = await comparePublishedVersions(set.id, 1, 2);
    expect(compared?.sections[0]!.paragraphs[0]).toMatchObject({ status: "edited", comments: 0 });
  });
});

describe("comparing", () => {
  it("counts published comments through the paragraph's lineage and hides unpublished versions", async () => {
    const {
      set,
      paragraphs: [p1],
    } = await createSetWithParagraphs(moderator, [["Trust", ["First. Second."]]]);
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    await publishVersion(moderator, { versionId: v1.id });
    const commenter = await actor("STAKEHOLDER");
    await db.comment.create({
      data: {
        setId: set.id,
        versionId: v1.id,
        paragraphId: p1!.id,
        authorId: commenter.id,
        body: "On paragraph 1",
        stakeholderGroup: "ACADEMIA",
        region: "AFRICA",
      },
    });
    await db.comment.create({
      data: {
        setId: set.id,
        versionId: v1.id,
        paragraphId: p1!.id,
        authorId: commenter.id,
        body: "Hidden",
        stakeholderGroup: "ACADEMIA",
        region: "AFRICA",
        moderationState: "HIDDEN",
      },
    });
    const split = await splitParagraph(moderator, { paragraphId: p1!.id, at: 7 });
    const v2 = await saveVersion(moderator, { setId: set.id, summary: "Split" });
    expect(await comparePublishedVersions(set.id, 1, 2)).toBeNull(); // version 2 is not published
    const saved = await compareSavedVersions(moderator, set.id, 1, 2);
    const entries = saved.diff!.sections[0]!.paragraphs;
    expect(entries.map((e) => [e.paragraphId, e.status, e.comments])).toEqual([
      [p1!.id, "unchanged", 1],
      [split.created.id, "split", 1],
    ]);
    await publishVersion(moderator, { versionId: v2.id });
    expect((await comparePublishedVersions(set.id, 1, 2))?.counts).toMatchObject({ split: 1, unchanged: 1 });
  });
});

describe("authorization", () => {
  it("refuses a stakeholder and an admin-less visitor role every new function, changing nothing", async () => {
    const {
      set,
      paragraphs: [p],
    } = await createSetWithParagraphs(moderator, [["Trust", ["One. Two.", "Three."]]]);
    const v1 = await saveVersion(moderator, { setId: set.id, summary: "" });
    const stakeholder = await actor("STAKEHOLDER");
    const visitor = { id: "visitor", email: "", name: null, role: "STAKEHOLDER" as const, forums: {}, hasProfile: false };
    for (const who of [stakeholder, visitor]) {
      const attempts = [
        splitParagraph(who, { paragraphId: p!.id, at: 5 }),
        mergeParagraphs(who, { paragraphId: p!.id }),
        publishVersion(who, { versionId: v1.id }),
        closeCommentPeriod(who, { versionId: v1.id, reason: "Taken over" }),
        finaliseVersion(who, { versionId: v1.id }),
        compareSavedVersions(who, set.id, 1, 1),
      ];
      for (const attempt of attempts) expect(await refusal(attempt)).toBe("forbidden:forbidden");
    }
    expect(await db.messageParagraph.count({ where: { setId: set.id } })).toBe(2);
    expect(
      (await db.messageSetVersion.findUniqueOrThrow({ where: { id: v1.id }, select: { publishedAt: true } })).publishedAt,
    ).toBeNull();
  });
});
