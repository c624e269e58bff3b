// Which responses count as contributions: submitted, and not hidden by moderation. A hidden advertisement or
// abuse, a withdrawn response, a draft: none of these counts anywhere — not in participation (public and
// exact figures, growth, targets, gaps, the final document's totals), not in a call's response count, not in
// the audience of the call's emails, not as someone to invite again. One rule, used by all of them.
//
// Responses waiting for moderation (PENDING) count: they were submitted, and moderators have not found
// anything wrong with them (yet). Whether the public may READ a response is another, stricter rule
// (lib/responses/public.ts: published by moderation, with the author's consent).
import { Prisma } from "@/lib/generated/prisma/client";

/** A Prisma filter on responses: the ones that count. */
export const countedResponse = {
  status: "SUBMITTED",
  moderationState: { not: "HIDDEN" },
} as const satisfies Prisma.ResponseWhereInput;

/** The same rule in SQL, for the response table under `alias` (e.g. `counted("r")`). */
export function countedSql(alias: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`not an alias: ${alias}`);
  const t = Prisma.raw(alias);
  return Prisma.sql`${t}.status = 'SUBMITTED' AND ${t}."moderationState" <> 'HIDDEN'`;
}
