// Saving a version freezes the working copy (title, introduction, sections, paragraphs with their ids,
// lineage, bodies and citations) into MessageSetVersion, numbered 1, 2, …; later edits never touch it.
//
// The life of a version: saved → published (the public text; optionally with a comment period
// [commentOpensAt, commentClosesAt)) → possibly marked final (the set's settled text; the set is FINAL and
// nothing more is saved, published or edited). The rule for publishing: no new version may be published
// while another version of the set has a comment period that is open or still to open. A commenter must
// always know which text they comment on, and comments must not arrive on a text that is no longer the
// current one: close (or cancel) that period first. Limits: VERSION_LIMITS (README).
//
// A period may open "now" (the server's clock when publishing, not a time typed to match it), and may end
// before its announced end: closed early when open, cancelled when still to open. Either needs a reason,
// which is kept with the version, shown on the public page, audited, and emailed to the people the period
// was announced to (notify-fanout "comments-closed-early").
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError, Conflict, Invalid, NotFound, onField } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { queueFanout } from "@/lib/notifications/events";
import { audit, authorizeOn, lockSet, lockSetOfVersion, requireRight, type Tx } from "./access";
import { citationSelect } from "./citations";
import type { VersionContent } from "./content";
import { hasGaps, readChecklist } from "./final-checklist";
import { commentPeriodState } from "./period";
import { periodCloseSchema } from "./schemas";
import { fieldErrorsOf, fromZodIssue } from "@/lib/validation/issues";
import { VERSION_LIMITS } from "./version-limits";

export { VERSION_LIMITS } from "./version-limits";

const DAY = 24 * 3600 * 1000;

function refuseFinal(status: string) {
  if (status === "FINAL") throw Conflict("setFinal");
}

export async function saveVersion(actor: SessionUser, input: { setId: string; summary: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const { callId, status } = await lockSet(tx, actor, input.setId);
    refuseFinal(status);
    const sections = await tx.messageSection.findMany({
      where: { setId: input.setId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        heading: true,
        paragraphs: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            body: true,
            origins: true,
            citations: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              // As the editor shows them, without their own id: a version freezes what was cited.
              select: { ...citationSelect, id: false },
            },
          },
        },
      },
    });
    const paragraphCount = sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
    if (paragraphCount === 0) throw Conflict("nothingToSave");
    const last = await tx.messageSetVersion.aggregate({ where: { setId: input.setId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const summary = input.summary.trim();
    if (number > 1 && !summary) throw Invalid("summaryRequired");
    const content: VersionContent = sections.map((section) => ({
      sectionId: section.id,
      heading: section.heading,
      paragraphs: section.paragraphs.map((p) => ({
        paragraphId: p.id,
        body: p.body,
        origins: p.origins,
        citations: p.citations,
      })),
    }));
    const set = await tx.messageSet.findUniqueOrThrow({
      where: { id: input.setId },
      select: { title: true, introduction: true },
    });
    const version = await tx.messageSetVersion.create({
      data: {
        setId: input.setId,
        number,
        summary,
        content,
        createdById: actor.id,
        title: set.title,
        introduction: set.introduction,
      },
      select: { id: true, number: true, summary: true },
    });
    await audit(tx, actor, {
      action: "messageSetVersion.create",
      itemType: "messageSetVersion",
      itemId: version.id,
      callId,
      after: { setId: input.setId, number, summary, sections: sections.length, paragraphs: paragraphCount },
    });
    return version;
  });
}

/**
 * Checks the actor may edit messages in the version's forum, locks its set and reads the version;
 * NotFound for an unknown id, and for a version of a forum the actor has no part in.
 */
async function lockVersion(tx: Tx, actor: SessionUser, versionId: string) {
  const set = await lockSetOfVersion(tx, actor, versionId);
  const version = await tx.messageSetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      id: true,
      setId: true,
      number: true,
      publishedAt: true,
      commentOpensAt: true,
      commentClosesAt: true,
      finalisedAt: true,
    },
  });
  return { set, version };
}

/** Refuses when another version of the set has a comment period open or still to open (the rule above). */
async function refuseActivePeriod(tx: Tx, setId: string, number: number, now: Date, then: "publish" | "final") {
  const periods = await tx.messageSetVersion.findMany({
    where: { setId, commentClosesAt: { gt: now }, number: { not: number } },
    orderBy: { number: "asc" },
    select: { number: true, commentOpensAt: true, commentClosesAt: true },
  });
  for (const other of periods) {
    const state = commentPeriodState(other, now);
    if (state === "open")
      throw Conflict(then === "publish" ? "periodOpen" : "periodOpenFinal", {
        n: other.number,
        next: number,
        until: other.commentClosesAt!,
      });
    if (state === "upcoming")
      throw Conflict(then === "publish" ? "periodUpcoming" : "periodUpcomingFinal", {
        n: other.number,
        next: number,
        opens: other.commentOpensAt!,
      });
  }
}

/** A version may be published only if it is newer than every published one. */
async function refuseOlder(tx: Tx, setId: string, number: number) {
  const latest = await tx.messageSetVersion.aggregate({ where: { setId, publishedAt: { not: null } }, _max: { number: true } });
  const published = latest._max.number;
  if (published !== null && published > number) throw Conflict("olderThanPublished", { n: number, latest: published });
}

type PeriodInput = { opensNow?: boolean; commentOpensAt?: Date | null; commentClosesAt?: Date | null };

/**
 * Checks a comment period's bounds; the opening is never before publication (an earlier one starts now).
 * `opensNow`: comments open at `now`, whatever opening time was given; the closing time is then required.
 */
export function commentPeriod(input: PeriodInput, now: Date) {
  const { commentClosesAt: closes } = input;
  const opens = input.opensNow ? now : input.commentOpensAt;
  if (input.opensNow && !closes) throw Invalid("periodClosesRequired", { commentClosesAt: ["periodClosesRequired"] });
  if (!opens && !closes) return null;
  if (!opens || !closes) throw Invalid("periodBothEnds", { [opens ? "commentClosesAt" : "commentOpensAt"]: ["periodBothEnds"] });
  if (closes <= opens) throw Invalid("periodClosesBeforeOpens", { commentClosesAt: ["periodClosesBeforeOpens"] });
  if (closes <= now) throw Invalid("periodClosesInPast", { commentClosesAt: ["periodClosesInPast"] });
  if (closes.getTime() - opens.getTime() > VERSION_LIMITS.periodMaxDays * DAY)
    throw Invalid("periodTooLong", { commentClosesAt: ["periodTooLong"] });
  return { opensAt: opens < now ? now : opens, closesAt: closes };
}

export async function publishVersion(actor: SessionUser, input: { versionId: string } & PeriodInput, now = new Date()) {
  requireRight(actor, "messages.edit");
  const result = await db.$transaction(async (tx) => {
    const { set, version } = await lockVersion(tx, actor, input.versionId);
    refuseFinal(set.status);
    if (version.publishedAt) throw Conflict("alreadyPublished");
    await refuseOlder(tx, set.id, version.number);
    const period = commentPeriod(input, now);
    await refuseActivePeriod(tx, set.id, version.number, now, "publish");
    await tx.messageSetVersion.update({
      where: { id: version.id },
      data: { publishedAt: now, commentOpensAt: period?.opensAt ?? null, commentClosesAt: period?.closesAt ?? null },
      select: { id: true },
    });
    await tx.messageSet.update({ where: { id: set.id }, data: { status: "PUBLISHED" }, select: { id: true } });
    // One job, whatever the audience: the worker writes and sends the emails (notify-fanout).
    if (period) await queueFanout(tx, "draft-opened", version.id);
    await audit(tx, actor, {
      action: "messageSetVersion.publish",
      itemType: "messageSetVersion",
      itemId: version.id,
      callId: set.callId,
      before: { publishedAt: null, setStatus: set.status },
      after: {
        number: version.number,
        publishedAt: now.toISOString(),
        setStatus: "PUBLISHED",
        ...(input.opensNow && { commentOpensNow: true }),
        commentOpensAt: period?.opensAt.toISOString() ?? null,
        commentClosesAt: period?.closesAt.toISOString() ?? null,
      },
    });
    return {
      id: version.id,
      number: version.number,
      publishedAt: now,
      commentOpensAt: period?.opensAt ?? null,
      commentClosesAt: period?.closesAt ?? null,
    };
  });
  return result;
}

/** The reason as the close form's schema reads it; refused with the field's own code (and as a field error). */
function periodEndReason(reason: string) {
  const parsed = periodCloseSchema.pick({ reason: true }).safeParse({ reason });
  if (parsed.success) return parsed.data.reason;
  throw new AppError("invalid", fromZodIssue(parsed.error.issues[0]!), fieldErrorsOf(parsed.error));
}

/**
 * Ends a comment period before its announced end, for a reason (required): an open period closes now; a
 * period not yet open is cancelled (both ends cleared). The version keeps when, why and the announced end;
 * the people it was announced to are emailed (one fan-out job; one email each, by dedupe key). A second
 * close finds no period open or to come and is refused, changing and mailing nothing.
 */
export async function closeCommentPeriod(actor: SessionUser, input: { versionId: string; reason: string }, now = new Date()) {
  requireRight(actor, "messages.edit");
  const reason = periodEndReason(input.reason);
  return db.$transaction(async (tx) => {
    const { set, version } = await lockVersion(tx, actor, input.versionId);
    const state = commentPeriodState(version, now);
    if (state !== "open" && state !== "upcoming") throw Conflict("noActivePeriod");
    // Closing at the very instant it opened would leave an empty period (the CHECK refuses it): a cancel.
    const closes = state === "open" && now > version.commentOpensAt!;
    const ended = {
      commentClosedEarlyAt: now,
      commentClosedEarlyReason: reason,
      commentAnnouncedClosesAt: version.commentClosesAt,
    };
    const data = closes ? { commentClosesAt: now, ...ended } : { commentOpensAt: null, commentClosesAt: null, ...ended };
    await tx.messageSetVersion.update({ where: { id: version.id }, data, select: { id: true } });
    await queueFanout(tx, "comments-closed-early", version.id);
    await audit(tx, actor, {
      action: closes ? "messageSetVersion.closePeriod" : "messageSetVersion.cancelPeriod",
      itemType: "messageSetVersion",
      itemId: version.id,
      callId: set.callId,
      before: {
        commentOpensAt: version.commentOpensAt?.toISOString() ?? null,
        commentClosesAt: version.commentClosesAt?.toISOString() ?? null,
        commentClosedEarlyReason: null,
      },
      after: {
        commentOpensAt: closes ? (version.commentOpensAt?.toISOString() ?? null) : null,
        commentClosesAt: closes ? now.toISOString() : null,
        commentClosedEarlyAt: now.toISOString(),
        commentClosedEarlyReason: reason,
      },
    });
    return { id: version.id, number: version.number, state: closes ? ("closed" as const) : ("cancelled" as const) };
  });
}

/**
 * Marks a version final: the latest published version (or a saved one newer than every published one,
 * which is published and marked final at once), while no version of the set has a comment period open or
 * to come. The set becomes FINAL: its final version is the published messages page, and nothing more is
 * saved, published or edited. With gaps on its checklist (./final-checklist.ts: a paragraph without a
 * source, a comment without an answer) it is refused unless `acceptGaps` says the editor knows of them.
 */
export async function finaliseVersion(actor: SessionUser, input: { versionId: string; acceptGaps?: boolean }, now = new Date()) {
  requireRight(actor, "messages.edit");
  const result = await db.$transaction(async (tx) => {
    const { set, version } = await lockVersion(tx, actor, input.versionId);
    refuseFinal(set.status);
    await refuseOlder(tx, set.id, version.number);
    const own = commentPeriodState(version, now);
    if (own === "open") throw Conflict("ownPeriodOpen", { n: version.number, until: version.commentClosesAt! });
    if (own === "upcoming") throw Conflict("ownPeriodUpcoming", { n: version.number, opens: version.commentOpensAt! });
    await refuseActivePeriod(tx, set.id, version.number, now, "final");
    const checklist = await readChecklist(tx, version.id);
    if (hasGaps(checklist) && !input.acceptGaps)
      throw onField(
        Conflict("finalGaps", { paragraphs: checklist.unsourced.length, comments: checklist.unanswered }),
        "acceptGaps",
      );
    const publishedAt = version.publishedAt ?? now;
    await tx.messageSetVersion.update({
      where: { id: version.id },
      data: { publishedAt, finalisedAt: now },
      select: { id: true },
    });
    await tx.messageSet.update({ where: { id: set.id }, data: { status: "FINAL" }, select: { id: true } });
    await queueFanout(tx, "final-published", version.id);
    // The final PDF in the set's language is made once, now, and kept in storage (lib/messages/final-file.ts).
    await enqueueJob(tx, "final-pdf", { versionId: version.id }, { singletonKey: `final-pdf:${version.id}` });
    await audit(tx, actor, {
      action: "messageSetVersion.finalise",
      itemType: "messageSetVersion",
      itemId: version.id,
      callId: set.callId,
      before: { publishedAt: version.publishedAt?.toISOString() ?? null, finalisedAt: null, setStatus: set.status },
      after: {
        number: version.number,
        publishedAt: publishedAt.toISOString(),
        finalisedAt: now.toISOString(),
        setStatus: "FINAL",
        // What the checklist said, and so what the editor accepted by marking final.
        unsourcedParagraphs: checklist.unsourced,
        unansweredComments: checklist.unanswered,
      },
    });
    return { id: version.id, number: version.number, finalisedAt: now };
  });
  return result;
}

/** The time zone a version's comment period is typed in: its call's. */
export async function versionTimeZone(actor: SessionUser, versionId: string) {
  requireRight(actor, "messages.edit");
  await authorizeOn(db, actor, "messages.edit", "version", versionId, "versionNotFound");
  const version = await db.messageSetVersion.findUnique({
    where: { id: versionId },
    select: { set: { select: { call: { select: { timeZone: true } } } } },
  });
  if (!version) throw NotFound("versionNotFound");
  return version.set.call.timeZone;
}
