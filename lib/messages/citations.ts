// A paragraph cites the responses behind it, whole or by an excerpt. Only what the public may read can be
// cited: a SUBMITTED response of the set's own call, published by moderation, whose author agreed to
// publication. Anything else is refused with the reason. The response's receipt number, group and region
// (and the excerpt's quote) are copied into the citation, so the spread and link text outlive the source.
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { skippingConflicts } from "@/lib/bulk";
import { isCampaignMember } from "@/lib/curation/cluster-call";
import { Conflict, isUniqueViolation, NotFound, type PlainCode } from "@/lib/errors";
import type { Consent, ModerationState, ResponseStatus } from "@/lib/generated/prisma/enums";
import { audit, lockSetOfParagraph, requireRight, type Tx } from "./access";
import { CITE_MANY_LIMIT } from "./cite-many-schema";
import { MESSAGE_LIMITS, type CiteInput } from "./schemas";

type Candidate = {
  callId: string;
  status: ResponseStatus;
  consent: Consent | null;
  moderationState: ModerationState;
  reference: string | null;
};

/** Why a response may not be cited, as an error key; null when it may. */
export function citationRefusal(response: Candidate, callId: string): PlainCode | null {
  if (response.callId !== callId) return "citeOtherCall";
  if (response.status === "WITHDRAWN") return "citeWithdrawn";
  if (response.status !== "SUBMITTED" || !response.reference) return "citeNotSubmitted";
  if (response.consent !== "PUBLISH_NAMED" && response.consent !== "PUBLISH_ANONYMOUS") return "citePrivate";
  if (response.moderationState === "HIDDEN") return "citeHidden";
  if (response.moderationState === "PENDING") return "citePending";
  return null;
}

const responseSelect = {
  id: true,
  callId: true,
  status: true,
  consent: true,
  moderationState: true,
  reference: true,
  stakeholderGroup: true,
  region: true,
  call: { select: { forumId: true } },
} as const;

/** The columns of a citation as the editor shows it and a split copies it. */
export const citationSelect = {
  id: true,
  responseId: true,
  excerptId: true,
  reference: true,
  stakeholderGroup: true,
  region: true,
  quote: true,
  signatories: true,
} as const;

/**
 * The response that stands for a campaign in a citation (the earliest member that may be cited) and how many
 * signed it: its members counted in the figures (submitted, not hidden; lib/responses/counted.ts).
 */
async function campaignSource(tx: Tx, actor: SessionUser, clusterId: string, callId: string) {
  const campaign = await tx.responseCluster.findUnique({
    where: { id: clusterId },
    select: { id: true, callId: true, call: { select: { forumId: true } } },
  });
  if (!campaign || !can(actor, "forum.read", campaign.call.forumId)) throw NotFound("campaignNotFound");
  if (campaign.callId !== callId) throw Conflict("citeOtherCall");
  const members = await tx.$queryRaw<{ id: string; citable: boolean }[]>`
    SELECT r.id, (r.consent IN ('PUBLISH_NAMED', 'PUBLISH_ANONYMOUS') AND r."moderationState" = 'PUBLISHED'
      AND r.reference IS NOT NULL) AS citable
    FROM responses r
    WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED' AND r."moderationState" <> 'HIDDEN'
      AND ${isCampaignMember(campaign.id)}
    ORDER BY r."submittedAt", r.id`;
  const first = members.find((m) => m.citable);
  if (!first) throw Conflict("citeCampaignPrivate");
  return { responseId: first.id, signatories: members.length };
}

/** One source cited in a paragraph of a set whose row the caller holds; Conflict with the reason when it may not be. */
async function citeIn(tx: Tx, actor: SessionUser, callId: string, input: CiteInput) {
  const excerpt = input.excerptId
    ? await tx.excerpt.findUnique({
        where: { id: input.excerptId },
        select: { id: true, quote: true, response: { select: responseSelect } },
      })
    : null;
  if (input.excerptId && !excerpt) throw NotFound("excerptNotFound");
  const campaign = input.clusterId ? await campaignSource(tx, actor, input.clusterId, callId) : null;
  const response =
    excerpt?.response ??
    (await tx.response.findUnique({ where: { id: campaign?.responseId ?? input.responseId! }, select: responseSelect }));
  if (!response) throw NotFound("responseNotFound");
  // A source in a forum the actor has no part in is unknown to them, not merely of another call.
  if (!can(actor, "forum.read", response.call.forumId)) throw NotFound(excerpt ? "excerptNotFound" : "responseNotFound");
  const refusal = citationRefusal(response, callId);
  if (refusal) throw Conflict(refusal);

  const existing = await tx.citation.findFirst({
    where: {
      paragraphId: input.paragraphId,
      ...(excerpt ? { excerptId: excerpt.id } : { responseId: response.id, excerptId: null }),
    },
    select: { id: true },
  });
  if (existing) throw Conflict("alreadyCited");
  if ((await tx.citation.count({ where: { paragraphId: input.paragraphId } })) >= MESSAGE_LIMITS.citationsPerParagraph)
    throw Conflict("tooManyCitations");
  const citation = await tx.citation.create({
    data: {
      paragraphId: input.paragraphId,
      responseId: response.id,
      excerptId: excerpt?.id ?? null,
      reference: response.reference!,
      stakeholderGroup: response.stakeholderGroup,
      region: response.region,
      quote: excerpt?.quote ?? null,
      signatories: campaign?.signatories ?? null,
    },
    select: citationSelect,
  });
  await audit(tx, actor, {
    action: "citation.create",
    itemType: "citation",
    itemId: citation.id,
    callId,
    after: {
      paragraphId: input.paragraphId,
      responseId: response.id,
      excerptId: citation.excerptId,
      reference: citation.reference,
      ...(campaign && { campaignId: input.clusterId, signatories: campaign.signatories }),
    },
  });
  return citation;
}

export async function cite(actor: SessionUser, input: CiteInput) {
  requireRight(actor, "messages.edit");
  try {
    return await db.$transaction(async (tx) => {
      const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
      return citeIn(tx, actor, callId, input);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw Conflict("alreadyCited"); // the same citation sent twice at once
    throw error;
  }
}

/** At most this many excerpts cited in one action (a paragraph holds MESSAGE_LIMITS.citationsPerParagraph). */
export const CITE_MANY_MAX = CITE_MANY_LIMIT;

/**
 * Several excerpts cited in one paragraph at once, in one transaction holding the set: each is cited, or
 * skipped with the reason it may not be (already cited, hidden meanwhile, the paragraph full). An excerpt
 * unknown to the actor refuses the whole action, as an unknown id. Gives back the excerpts cited and skipped.
 */
export async function citeMany(actor: SessionUser, input: { paragraphId: string; excerptIds: readonly string[] }) {
  requireRight(actor, "messages.edit");
  const ids = [...new Set(input.excerptIds)];
  if (ids.length === 0) throw Conflict("bulkNothingChosen");
  if (ids.length > CITE_MANY_MAX) throw Conflict("bulkTooMany");
  return db.$transaction(async (tx) => {
    const { callId } = await lockSetOfParagraph(tx, actor, input.paragraphId);
    const cited: string[] = [];
    const skipped: { excerptId: string; code: PlainCode }[] = [];
    for (const excerptId of ids) {
      const step = await skippingConflicts(tx, () => citeIn(tx, actor, callId, { paragraphId: input.paragraphId, excerptId }));
      if (step.done) cited.push(excerptId);
      else skipped.push({ excerptId, code: step.code });
    }
    return { cited, skipped };
  });
}

export async function uncite(actor: SessionUser, input: { citationId: string }) {
  requireRight(actor, "messages.edit");
  return db.$transaction(async (tx) => {
    const found = await tx.citation.findUnique({ where: { id: input.citationId }, select: { paragraphId: true } });
    // An unknown citation and one of a forum the actor has no part in get the same answer.
    const { callId } = await lockSetOfParagraph(tx, actor, found?.paragraphId ?? "", "citationNotFound");
    const citation = await tx.citation.findUnique({
      where: { id: input.citationId },
      select: { id: true, paragraphId: true, responseId: true, excerptId: true, reference: true },
    });
    if (!citation) throw NotFound("citationNotFound");
    await tx.citation.delete({ where: { id: citation.id }, select: { id: true } });
    const { id, ...before } = citation;
    await audit(tx, actor, { action: "citation.delete", itemType: "citation", itemId: id, callId, before });
    return { id };
  });
}
