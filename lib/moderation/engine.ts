// One moderation engine for every moderated item (responses, comments, and whatever comes next). An item kind
// (lib/moderation/kinds.ts) says where its rows are, how to find its call, which of its rows can be moderated
// at all, how to write its moderation fields, and which error keys its refusals use; everything else is here,
// once:
//   - the states (PENDING, PUBLISHED, HIDDEN, plus "reviewed") and the transitions a moderator makes, in one
//     table: which state each starts from, what it sets, what becomes of the open reports, its audit action;
//   - who: a transition needs "items.moderate" in the item's forum (lib/auth/permissions.ts), checked before
//     anything else, so an item of a forum the actor has no part in is refused as an unknown id, and an
//     observer of the forum is Forbidden; reports are anyone's (not forum-scoped);
//   - the row lock: each transition, each report and each lowered threshold runs in one transaction holding
//     the item's row (SELECT … FOR UPDATE), so two moderators, or a moderator and the report crossing the
//     threshold, act one after the other, each on the state the other left;
//   - reports: one per user per item, never on one's own item, only on a public one; weighed by the rule of
//     ./threshold.ts (established accounts only); the report that brings the counted open reports to the
//     call's threshold hides the item by the system, exactly once;
//   - a lowered threshold hides the items already over it, as a report would have;
//   - the audit entries: "<itemType>.<verb>" (and "reports.dismiss") with the moderation fields before and
//     after, "<itemType>.autoHide" without an actor.
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { skippingConflicts } from "@/lib/bulk";
import { Conflict, Forbidden, isUniqueViolation, NotFound, type PlainCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ModerationState, ReportReason } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";
import { limitAccount, REPORTS_PER_ACCOUNT } from "@/lib/limits/account";
import type { Moderator } from "./permissions";
import { autoHideReason, reportCountsTowardHide } from "./threshold";

/** The moderation fields every item has, as its row lock reads them. */
export type LockedItem = {
  id: string;
  callId: string;
  authorId: string | null;
  /** False for rows outside moderation (a draft or withdrawn response). */
  moderatable: boolean;
  moderationState: ModerationState;
  hiddenReason: string | null;
  reviewedAt: Date | null;
};

/** What a transition writes. */
export type StateData = {
  moderationState: ModerationState;
  hiddenReason: string | null;
  hiddenAt?: Date | null;
  reviewedAt: Date | null;
};

/** The refusals of one kind, as keys of its error messages. */
/** The codes of the "Errors" catalog a kind refuses with (its own wording where it has one). */
export type KindErrors = {
  notFound: PlainCode;
  notModeratable: PlainCode;
  notPending: PlainCode;
  alreadyHidden: PlainCode;
  notHidden: PlainCode;
  approveFirst: PlainCode;
  alreadyReviewed: PlainCode;
  noOpenReports: PlainCode;
  alreadyReported: PlainCode;
  ownItem: PlainCode;
  profileRequired: PlainCode;
};

export type IdField = "responseId" | "commentId";

/** How lib/auth/forum-of.ts reaches an item's forum. */
export type ForumKind = Parameters<typeof forumOf>[1];

/**
 * One moderated item kind. `L` is its locked row (the common fields and `columns`), `U` what `update` gives
 * back for the caller's result.
 */
export type ItemKind<L extends LockedItem = LockedItem, U = unknown, K extends IdField = IdField> = {
  /** The audit entries' itemType and the first word of their action. */
  itemType: string;
  /** The item's id field: the reports column naming it, and the field of its forms. */
  idField: K;
  /** The item as lib/auth/forum-of.ts knows it: its forum decides who may moderate it. */
  forumKind: ForumKind;
  sql: {
    /** The item table as `i`, with whatever gives its call. */
    from: Prisma.Sql;
    /** The item's call id. */
    callId: Prisma.Sql;
    /** Which rows are moderated at all. */
    moderatable: Prisma.Sql;
    /** The kind's own columns of the locked row, each aliased to its field of `L`. */
    columns?: Prisma.Sql;
  };
  /** Writes the moderation fields of one item. */
  update(tx: DbClient, id: string, data: StateData): Promise<U>;
  /** Whether the public sees the item now (only a public item can be reported). */
  isPublic(tx: DbClient, item: L, now: Date): Promise<boolean>;
  /** Work of the kind inside a transition's transaction; what it returns runs after the commit. */
  afterTransition?(tx: Prisma.TransactionClient, before: L, after: StateData): Promise<(() => void) | void>;
  errors: KindErrors;
};

export async function lockItem<L extends LockedItem>(tx: DbClient, kind: ItemKind<L>, id: string): Promise<L> {
  const [row] = await tx.$queryRaw<L[]>`
    SELECT i.id, ${kind.sql.callId} AS "callId", i."authorId", (${kind.sql.moderatable}) AS moderatable,
      i."moderationState"::text AS "moderationState", i."hiddenReason", i."reviewedAt"
      ${kind.sql.columns ? Prisma.sql`, ${kind.sql.columns}` : Prisma.empty}
    FROM ${kind.sql.from} WHERE i.id = ${id} FOR UPDATE OF i`;
  if (!row) throw NotFound(kind.errors.notFound);
  return row;
}

/** The audited moderation fields of an item, for an entry's before and after. */
export const auditState = (item: Pick<LockedItem, "moderationState" | "hiddenReason">) => ({
  moderationState: item.moderationState,
  hiddenReason: item.hiddenReason,
});

const openReports = (tx: DbClient, kind: Pick<ItemKind, "idField">, id: string, counting?: true) =>
  tx.report.count({ where: { [kind.idField]: id, status: "OPEN", ...(counting && { countsTowardHide: true }) } });

// ---------------------------------------------------------------------------------------------------------
// Transitions

export const VERBS = ["approve", "hide", "restore", "review", "dismiss", "uphold"] as const;
export type Verb = (typeof VERBS)[number];

type Found = { item: LockedItem; openReports: number; tx: DbClient; kind: ItemKind };

type Transition = {
  /** The audit action, after "<itemType>." (or whole, when it starts with "reports."). */
  action: string;
  /** Refuses the transition from the state it finds (a Conflict with the kind's key, never an overwrite). */
  from: (found: Found) => keyof KindErrors | null | Promise<keyof KindErrors | null>;
  /** The moderation fields after it (reviewedAt is always set). */
  to: (found: Found, reason: string, now: Date) => Promise<Omit<StateData, "reviewedAt">> | Omit<StateData, "reviewedAt">;
  /** What becomes of the item's open reports. */
  reports?: "UPHELD" | "DISMISSED";
};

const keep = ({ item }: Found) => ({ moderationState: item.moderationState, hiddenReason: item.hiddenReason });
const published = () => ({ moderationState: "PUBLISHED" as const, hiddenReason: null, hiddenAt: null });
const hidden = (_found: Found, reason: string, now: Date) => ({
  moderationState: "HIDDEN" as const,
  hiddenReason: reason,
  hiddenAt: now,
});
const needsReports = ({ openReports }: Found) => (openReports === 0 ? "noOpenReports" : null);

/** Was the item's last hiding the system's (after N reports) rather than a moderator's? */
async function hiddenAutomatically({ tx, kind, item }: Found) {
  const last = await tx.auditEntry.findFirst({
    where: {
      itemType: kind.itemType,
      itemId: item.id,
      action: { in: ["hide", "autoHide", "uphold"].map((verb) => `${kind.itemType}.${verb}`) },
    },
    orderBy: { id: "desc" },
    select: { actorId: true },
  });
  return last !== null && last.actorId === null;
}

/** The transition table, the same for every kind. */
export const TRANSITIONS: Record<Verb, Transition> = {
  /** A pre-moderated item becomes public; its open reports are dismissed. */
  approve: {
    action: "approve",
    from: ({ item }) => (item.moderationState === "PENDING" ? null : "notPending"),
    to: published,
    reports: "DISMISSED",
  },
  /** Hides a pending or published item with a reason its author sees; its open reports are upheld. */
  hide: {
    action: "hide",
    from: ({ item }) => (item.moderationState === "HIDDEN" ? "alreadyHidden" : null),
    to: hidden,
    reports: "UPHELD",
  },
  /** A hidden item is public again; the reports against it are dismissed (a moderator kept it). */
  restore: {
    action: "restore",
    from: ({ item }) => (item.moderationState === "HIDDEN" ? null : "notHidden"),
    to: published,
    reports: "DISMISSED",
  },
  /** Takes a reviewed item out of the "new" tab without changing it; a pending one is approved instead. */
  review: {
    action: "review",
    from: ({ item }) =>
      item.moderationState === "PENDING" ? "approveFirst" : item.reviewedAt !== null ? "alreadyReviewed" : null,
    to: keep,
  },
  /** Unfounded reports: dismissed. An item the reports hid automatically is public again; one a moderator hid stays hidden. */
  dismiss: {
    action: "reports.dismiss",
    from: needsReports,
    to: async (found) =>
      found.item.moderationState === "HIDDEN" && (await hiddenAutomatically(found)) ? published() : keep(found),
    reports: "DISMISSED",
  },
  /** The reports were right: the item is (or stays) hidden, now with the moderator's reason. */
  uphold: { action: "uphold", from: needsReports, to: hidden, reports: "UPHELD" },
};

export type TransitionResult<L extends LockedItem, U> = { item: L; updated: U; moderationState: ModerationState };

/** One step on one item inside the caller's transaction (holding its row), audited; Conflict from a wrong state. */
async function applyStep<L extends LockedItem, U>(
  tx: Prisma.TransactionClient,
  kind: ItemKind<L, U>,
  actor: Moderator,
  verb: Verb,
  { id, reason }: { id: string; reason: string },
  now: Date,
): Promise<{ result: TransitionResult<L, U>; afterCommit: (() => void) | void }> {
  const step = TRANSITIONS[verb];
  const item = await lockItem(tx, kind, id);
  if (!item.moderatable) throw Conflict(kind.errors.notModeratable);
  const found: Found = { item, openReports: await openReports(tx, kind, id), tx, kind };
  const refusal = await step.from(found);
  if (refusal) throw Conflict(kind.errors[refusal]);
  const data: StateData = { ...(await step.to(found, reason, now)), reviewedAt: now };
  const updated = await kind.update(tx, id, data);
  let resolved = 0;
  if (step.reports && found.openReports > 0) {
    resolved = (
      await tx.report.updateMany({
        where: { [kind.idField]: id, status: "OPEN" },
        data: { status: step.reports, resolvedAt: now, resolvedById: actor.id },
      })
    ).count;
  }
  await recordAudit(tx, {
    actor: { id: actor.id, role: actor.role },
    action: step.action.startsWith("reports.") ? step.action : `${kind.itemType}.${step.action}`,
    itemType: kind.itemType,
    itemId: id,
    callId: item.callId,
    before: { ...auditState(item), reviewed: item.reviewedAt !== null, openReports: found.openReports },
    after: { ...auditState(data), reviewed: true, openReports: found.openReports - resolved },
  });
  const afterCommit = await kind.afterTransition?.(tx, item, data);
  return { result: { item, updated, moderationState: data.moderationState }, afterCommit };
}

/**
 * One moderator action on one item, in one transaction holding its row, audited. Only someone who may
 * moderate in the item's forum: an item of a forum the actor has no part in is refused as an unknown id,
 * an observer of its forum is Forbidden, before any state is looked at.
 */
export async function transition<L extends LockedItem, U>(
  kind: ItemKind<L, U>,
  actor: Moderator,
  verb: Verb,
  { id, reason = "" }: { id: string; reason?: string },
  now = new Date(),
): Promise<TransitionResult<L, U>> {
  const { result, afterCommit } = await db.$transaction(async (tx) => {
    authorizeIn(actor, "items.moderate", await forumOf(tx, kind.forumKind, id), kind.errors.notFound);
    return applyStep(tx, kind, actor, verb, { id, reason }, now);
  });
  afterCommit?.();
  return result;
}

/** How many items one bulk action takes at most (a page of the queue is 20; a screen of checkboxes fits this). */
export const BULK_LIMIT = 100;

export type BulkResult<L extends LockedItem, U> = {
  done: TransitionResult<L, U>[];
  /** Items whose state did not allow the action (someone acted first): left as they were, with the reason. */
  skipped: { id: string; code: PlainCode }[];
};

/**
 * The same action on several items of one forum at once (bulk approve, hide with one reason, restore), in one
 * transaction, audited per item. Every id is checked before anything changes: one the actor may not moderate
 * refuses the whole batch as an unknown id would. Rows are locked in id order (as concurrent batches lock
 * them, so two never wait on each other); an item in a state the action does not start from is skipped and
 * said, the others done.
 */
export async function transitionMany<L extends LockedItem, U>(
  kind: ItemKind<L, U>,
  actor: Moderator,
  verb: Verb,
  { ids, reason = "" }: { ids: readonly string[]; reason?: string },
  now = new Date(),
): Promise<BulkResult<L, U>> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) throw Conflict("bulkNothingChosen");
  if (unique.length > BULK_LIMIT) throw Conflict("bulkTooMany");
  const { outcome, after } = await db.$transaction(
    async (tx) => {
      for (const id of unique) authorizeIn(actor, "items.moderate", await forumOf(tx, kind.forumKind, id), kind.errors.notFound);
      const outcome: BulkResult<L, U> = { done: [], skipped: [] };
      const after: ((() => void) | void)[] = [];
      for (const id of unique) {
        const step = await skippingConflicts(tx, () => applyStep(tx, kind, actor, verb, { id, reason }, now));
        if (step.done) {
          outcome.done.push(step.value.result);
          after.push(step.value.afterCommit);
        } else outcome.skipped.push({ id, code: step.code });
      }
      return { outcome, after };
    },
    { timeout: 60_000 },
  );
  for (const run of after) run?.();
  return outcome;
}

/**
 * The transitions of one kind as functions: by id (approve, restore, review, dismiss) or by the input of a
 * reason form (hide, uphold: the kind's id field and the reason), each giving back what `result` makes.
 */
export function moderationCommands<L extends LockedItem, U, K extends IdField, R>(
  kind: ItemKind<L, U, K>,
  result: (done: TransitionResult<L, U>) => R,
) {
  const byId = (verb: Verb) => async (actor: Moderator, id: string, now?: Date) =>
    result(await transition(kind, actor, verb, { id }, now));
  const withReason = (verb: Verb) => async (actor: Moderator, input: Record<K, string> & { reason: string }, now?: Date) =>
    result(await transition(kind, actor, verb, { id: input[kind.idField], reason: input.reason }, now));
  return {
    approve: byId("approve"),
    restore: byId("restore"),
    review: byId("review"),
    dismiss: byId("dismiss"),
    hide: withReason("hide"),
    uphold: withReason("uphold"),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reports and the automatic hide

/** Hides an item by the system (an audit entry without an actor), with the counts before and after. */
async function autoHide(
  tx: DbClient,
  kind: ItemKind,
  item: Pick<LockedItem, "id" | "callId" | "moderationState" | "hiddenReason">,
  counts: { open: number; counting: number; before: { open: number; counting: number } },
  now: Date,
) {
  const hiddenReason = autoHideReason(counts.counting);
  await kind.update(tx, item.id, { moderationState: "HIDDEN", hiddenReason, hiddenAt: now, reviewedAt: null });
  await recordAudit(tx, {
    actor: null,
    action: `${kind.itemType}.autoHide`,
    itemType: kind.itemType,
    itemId: item.id,
    callId: item.callId,
    before: { ...auditState(item), openReports: counts.before.open, countingReports: counts.before.counting },
    after: { moderationState: "HIDDEN", hiddenReason, openReports: counts.open, countingReports: counts.counting },
  });
}

export type ReportInputOf = { id: string; reason: ReportReason; details: string };
export type ReportResult = { id: string; hidden: boolean };

/**
 * A signed-in user with a profile reports a public item, never their own, once. When the open reports that
 * count reach the call's threshold the item is hidden by the system; its row is locked, so that happens
 * exactly once however many reports arrive at the same moment.
 */
export async function report<L extends LockedItem>(
  kind: ItemKind<L>,
  actor: Pick<SessionUser, "id">,
  input: ReportInputOf,
  now = new Date(),
): Promise<ReportResult> {
  // Counted across app instances, reports of every kind together (lib/limits/account.ts).
  await limitAccount(REPORTS_PER_ACCOUNT, actor.id);
  try {
    return await db.$transaction(async (tx) => {
      const profile = await tx.profile.findUnique({ where: { userId: actor.id }, select: { userId: true } });
      if (!profile) throw Forbidden(kind.errors.profileRequired);
      const item = await lockItem(tx, kind, input.id);
      if (!(await kind.isPublic(tx, item, now))) throw NotFound(kind.errors.notFound);
      if (item.authorId === actor.id) throw Conflict(kind.errors.ownItem);
      const earlier = await tx.report.count({ where: { [kind.idField]: item.id, reporterId: actor.id } });
      if (earlier) throw Conflict(kind.errors.alreadyReported);
      const countsTowardHide = await reportCountsTowardHide(tx, actor.id, now);
      const created = await tx.report.create({
        data: {
          [kind.idField]: item.id,
          reporterId: actor.id,
          reason: input.reason,
          details: input.details,
          countsTowardHide,
          createdAt: now,
        },
        select: { id: true },
      });
      const [open, counting, call] = await Promise.all([
        openReports(tx, kind, item.id),
        openReports(tx, kind, item.id, true),
        tx.call.findUniqueOrThrow({ where: { id: item.callId }, select: { reportThreshold: true } }),
      ]);
      if (!countsTowardHide || counting < call.reportThreshold) return { id: created.id, hidden: false };
      await autoHide(tx, kind, item, { open, counting, before: { open: open - 1, counting: counting - 1 } }, now);
      return { id: created.id, hidden: true };
    });
  } catch (error) {
    // Two reports by the same user at once: the second insert meets the unique key.
    if (isUniqueViolation(error)) throw Conflict(kind.errors.alreadyReported);
    throw error;
  }
}

/**
 * When a call's report threshold is lowered, its public items that already have that many counted open
 * reports are hidden as a report crossing the threshold would have hidden them (by the system, audited).
 */
export async function hideOverThreshold(tx: DbClient, kind: ItemKind, callId: string, threshold: number, now = new Date()) {
  const key = Prisma.raw(`"${kind.idField}"`);
  // Locked in id order, as one statement: the same rows a concurrent report would lock.
  const rows = await tx.$queryRaw<{ id: string; open: number; counting: number }[]>`
    SELECT i.id,
      (SELECT count(*)::int FROM reports p WHERE p.${key} = i.id AND p.status = 'OPEN') AS open,
      (SELECT count(*)::int FROM reports p WHERE p.${key} = i.id AND p.status = 'OPEN' AND p."countsTowardHide") AS counting
    FROM ${kind.sql.from}
    WHERE ${kind.sql.callId} = ${callId} AND (${kind.sql.moderatable}) AND i."moderationState" = 'PUBLISHED'
    ORDER BY i.id FOR UPDATE OF i`;
  const over = rows.filter((row) => row.counting >= threshold);
  for (const { id, open, counting } of over) {
    const item = { id, callId, moderationState: "PUBLISHED" as const, hiddenReason: null };
    await autoHide(tx, kind, item, { open, counting, before: { open, counting } }, now);
  }
  return over.length;
}
