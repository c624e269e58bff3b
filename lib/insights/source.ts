// What participation is counted over. Today: the responses of a call that count (lib/responses/counted.ts:
// submitted and not hidden by moderation). Comment periods on draft
// messages will add a source of their own; everything downstream (shares, growth, targets, suppression)
// only sees what a source yields: its counts by group × region and the first arrival of each item.
//
// `countParticipation` is THE count of participation: the public figures (lib/insights/public-figures.ts:
// the call page, the participation page, the open data API, final messages) and the moderators' exact
// figures (lib/insights/participation.ts) all start from it. Its result is exact: the public gets it only
// through `publicFigures`, which suppresses small cells.
import "server-only";
import { db } from "@/lib/db";
import { countedSql } from "@/lib/responses/counted";
import { countsFrom, type Counts, type GroupedCount } from "./tally";

export type ItemSource = { kind: "responses"; callId: string };

export const responsesOf = (callId: string): ItemSource => ({ kind: "responses", callId });

/** Responses that count, private ones included (aggregates only, never who), by group × region. */
async function countResponses(callId: string): Promise<GroupedCount[]> {
  return db.$queryRaw<GroupedCount[]>`
    SELECT r."stakeholderGroup"::text AS "group", r.region::text AS region, count(*)::int AS n
    FROM responses r
    WHERE r."callId" = ${callId} AND ${countedSql("r")}
    GROUP BY 1, 2`;
}

/**
 * When each submitted response arrived: when it was first submitted (its version 1), so editing it later
 * does not move it in the growth chart. Instants only: no group, no region.
 */
async function responseArrivals(callId: string): Promise<Date[]> {
  const rows = await db.$queryRaw<{ arrivedAt: Date }[]>`
    SELECT coalesce((SELECT min(v."submittedAt") FROM response_versions v WHERE v."responseId" = r.id), r."submittedAt") AS "arrivedAt"
    FROM responses r
    WHERE r."callId" = ${callId} AND ${countedSql("r")}`;
  return rows.map((row) => row.arrivedAt);
}

/** Exact counts by stakeholder group × UN region, zeros included. Not for the public as they are. */
export async function countParticipation(source: ItemSource): Promise<Counts> {
  switch (source.kind) {
    case "responses":
      return countsFrom(await countResponses(source.callId));
  }
}

export async function loadArrivals(source: ItemSource): Promise<Date[]> {
  switch (source.kind) {
    case "responses":
      return responseArrivals(source.callId);
  }
}
