// Who wrote a response, as its moderators see it: the account's name and email, and the identity the
// response was filed under (organisation, "on behalf of", group, region, country), with the consent the
// author chose, so a moderator knows what the public sees. Only for readers holding "responses.readAll" in
// the response's forum: the moderation response page (lib/curation/response-view.ts) and the moderation
// queue (lib/moderation/queue.ts) select it; the public readers (lib/responses/public.ts) never do.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Consent, ContributionChannel, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

/** The columns of a response (and of its author's account) that say who wrote it. */
export const RESPONSE_AUTHOR_SELECT = {
  consent: true,
  stakeholderGroup: true,
  region: true,
  country: true,
  organisation: true,
  onBehalfOf: true,
  channel: true,
  contributorName: true,
  author: { select: { email: true, profile: { select: { displayName: true } } } },
  enteredBy: { select: { email: true, profile: { select: { displayName: true } } } },
  speakers: { select: { stakeholderGroup: true, count: true }, orderBy: { stakeholderGroup: "asc" } },
} as const satisfies Prisma.ResponseSelect;

export type ResponseAuthor = {
  /** Null once the author deleted their account (the response was kept, anonymised). */
  account: { name: string | null; email: string } | null;
  organisation: string | null;
  onBehalfOf: string | null;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  country: string | null;
  consent: Consent | null;
  /** How it arrived; anything but FORM was recorded by a moderator (lib/intake). */
  channel: ContributionChannel;
  /** The name as received, for a contribution recorded by a moderator. */
  contributorName: string | null;
  /** Who recorded it (name, else email); null for the form's own, or once that account is gone. */
  enteredBy: string | null;
  /** A session's speakers by group. */
  speakers: { stakeholderGroup: StakeholderGroup; count: number }[];
};

type AuthorRow = Prisma.ResponseGetPayload<{ select: typeof RESPONSE_AUTHOR_SELECT }>;

/** The author of a row read with RESPONSE_AUTHOR_SELECT, as a plain object. */
export function responseAuthorOf(row: AuthorRow): ResponseAuthor {
  return {
    account: row.author ? { name: row.author.profile?.displayName ?? null, email: row.author.email } : null,
    organisation: row.organisation,
    onBehalfOf: row.onBehalfOf,
    stakeholderGroup: row.stakeholderGroup,
    region: row.region,
    country: row.country,
    consent: row.consent,
    channel: row.channel,
    contributorName: row.contributorName,
    enteredBy: row.enteredBy ? (row.enteredBy.profile?.displayName ?? row.enteredBy.email) : null,
    speakers: row.speakers,
  };
}
