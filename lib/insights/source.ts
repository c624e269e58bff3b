// What participation is counted over. Today: the responses of a call that count (lib/responses/counted.ts:
// submitted and not hidden by moderation). Comment periods on draft
// messages will add a source of their own; everything downstream (shares, growth, targets, suppression)
// only sees what a source yields: its counts by group × region and its arrivals per day.
//
// `countParticipation` is THE count of participation: the public figures (lib/insights/public-figures.ts:
// the call page, the participation page, the open data API, final messages) and the moderators' exact
// figures (lib/insights/participation.ts) all start from it. Its result is exact: the public gets it only
// through `publicFigures`, which suppresses small cells.
import "server-only";
import { db } from "@/lib/db";
import { countedSql } from "@/lib/responses/counted";
import { countsFrom, type Counts, type DayCount, type GroupedCount } from "./tally";

export type ItemSource = { kind: "responses"; callId: string };

export const responsesOf = (callId: string): ItemSource => ({ kind: "responses", callId });

/** Responses that count, private ones included (aggregates only, never who), by group × region. */
async function countResponses(callId: string): Promise<GroupedCount[]> {
  return db.$queryRaw<GroupedCount[]>`
    SELECT r."stakeholderGroup"::text AS "group", r.region::text AS region, count(*)::int AS n
    FROM responses r
    WHERE r."callId" = ${callId} AND ${countedSql("r")}
    GROUP BY r."stakeholderGroup", r.region`;
}

/** The date of a submitted response without one (none should be): before any window, so in its first day. */
const UNDATED = "0001-01-01";

/**
 * How many responses that count arrived on each date in `timeZone`: when each was first submitted (its
 * version 1, kept as firstSubmittedAt by lib/responses/record.ts; its submittedAt when it has no version), so
 * editing it later does not move it in the growth chart. Counted in SQL, an index-only scan
 * (responses_arrivals_idx), by quarter hour in UTC first: a day begins on a quarter hour in every time zone
 * (offsets are whole quarter hours), and the zone's rules are then applied once per quarter hour, not once
 * per response (half the time of 100,000 conversions). Dates only: no group, no region.
 */
async function responseArrivalsByDay(callId: string, timeZone: string): Promise<DayCount[]> {
  return db.$queryRaw<DayCount[]>`
    SELECT coalesce(to_char(timezone(${timeZone}, quarter), 'YYYY-MM-DD'), ${UNDATED}) AS date, sum(n)::int AS count
    FROM (
      SELECT date_bin('15 minutes', coalesce(r."firstSubmittedAt", r."submittedAt"), TIMESTAMPTZ 'epoch') AS quarter, count(*) AS n
      FROM responses r
      WHERE r."callId" = ${callId} AND ${countedSql("r")}
      GROUP BY 1) AS quarters
    GROUP BY 1`;
}

/** Exact counts by stakeholder group × UN region, zeros included. Not for the public as they are. */
export async function countParticipation(source: ItemSource): Promise<Counts> {
  switch (source.kind) {
    case "responses":
      return countsFrom(await countResponses(source.callId));
  }
}

/** Items that arrived on each date (in `timeZone`) that has any: the growth chart's input (seriesFromDailyCounts). */
export async function loadDailyArrivals(source: ItemSource, timeZone: string): Promise<DayCount[]> {
  switch (source.kind) {
    case "responses":
      return responseArrivalsByDay(source.callId, timeZone);
  }
}
