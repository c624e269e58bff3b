// Every public read a page or the open data API serves from the cache of public reads (lib/cache/public.ts). The
// domain functions stay as they are (they take the clock as an argument, which the tests use); these read it when
// the value is made. A page imports its reads from here, so what the cache holds is this one list.
import "server-only";
import type { StakeholderGroup } from "@/lib/generated/prisma/client";
import { listForumsWithCalls } from "@/lib/calls/calls";
import { setComments, setGlossary } from "@/lib/comments/read";
import { getPublicParticipation } from "@/lib/insights/participation";
import { getCallCycle, listDraftsOpenForComment, listRecentFinalMessages } from "@/lib/messages/cycle";
import { comparePublishedVersions, listPublishedVersions } from "@/lib/messages/history";
import { getPublishedMessageSet, usedIn } from "@/lib/messages/public";
import {
  getPublicCall,
  getPublicCallSummary,
  getPublishedResponse,
  listContributors,
  listPublishedResponses,
  type ListOptions,
} from "@/lib/responses/public";
import { cachedPublic, publicRead } from "./public";

/** `locale` undefined: the content as written (`?original=1`), not translated. */
export const publicForumsWithCalls = publicRead("forums", (locale: string) => listForumsWithCalls(new Date(), locale));
export const publicDraftsOpenForComment = publicRead("drafts-open", (take: number, locale: string) =>
  listDraftsOpenForComment(new Date(), take, locale),
);
export const publicRecentFinalMessages = publicRead("final-messages", (take: number, locale: string) =>
  listRecentFinalMessages(new Date(), take, locale),
);

export const publicCall = publicRead("call", (slug: string, locale: string | undefined) =>
  getPublicCall(slug, new Date(), locale),
);
export const publicCallSummary = publicRead("call-summary", (slug: string) => getPublicCallSummary(slug));
export function publicCallCycle(call: { id: string; opensAt: Date; closesAt: Date }, locale: string | undefined) {
  return cachedPublic(`cycle:${JSON.stringify([call.id, call.opensAt, call.closesAt, locale])}`, () =>
    getCallCycle(call, new Date(), locale),
  );
}
export const publicResponses = publicRead("responses", (callId: string, options: ListOptions) =>
  listPublishedResponses(callId, options),
);
export const publicResponse = publicRead("response", (reference: string) => getPublishedResponse(reference));
export const publicResponseUses = publicRead("used-in", (responseId: string) => usedIn(responseId));
export const publicContributors = publicRead("contributors", (callId: string) => listContributors(callId));
export const publicParticipation = publicRead("participation", (slug: string) => getPublicParticipation(slug));

export const publicMessageSet = publicRead("message-set", (slug: string, locale: string | undefined) =>
  getPublishedMessageSet(slug, new Date(), locale),
);
export const publicVersions = publicRead("versions", (slug: string) => listPublishedVersions(slug));
export const publicComparison = publicRead("compare", (setId: string, from: number, to: number) =>
  comparePublishedVersions(setId, from, to),
);
export const publicGlossary = publicRead("glossary", (setId: string) => setGlossary(setId));

/** The published comments of a set's current version as the public sees them (a signed-in reader also sees their
 * own: read without the cache). The version is in the key, so comments are never placed on another version's
 * paragraphs. */
export function publicSetComments(set: Parameters<typeof setComments>[1], group: StakeholderGroup | undefined) {
  return cachedPublic(`comments:${JSON.stringify([set.id, set.version.id, group])}`, () => setComments(null, set, { group }));
}
