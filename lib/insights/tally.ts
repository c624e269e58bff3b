// The arithmetic on counts by stakeholder group × UN region (the counting itself is one SQL query,
// lib/insights/source.ts), their shares, and the growth day by day in a time zone. Pure (no database), so
// the public page, the moderator page, exports and tests share one arithmetic.
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";

export type Counts = {
  cells: Record<StakeholderGroup, Record<UnRegion, number>>;
  groupTotals: Record<StakeholderGroup, number>;
  regionTotals: Record<UnRegion, number>;
  total: number;
};

/** One day of the growth series: items that arrived that day, and all items up to its end. */
export type DayPoint = { date: string; count: number; cumulative: number };

/** One row of a count grouped by stakeholder group and region (either may be unknown). */
export type GroupedCount = { group: StakeholderGroup | null; region: UnRegion | null; n: number };

const zeroRegions = () => Object.fromEntries(UN_REGIONS.map((r) => [r, 0])) as Record<UnRegion, number>;

/** Every cell and total, zeros included, from grouped rows: an item without a group still counts in the total. */
export function countsFrom(rows: readonly GroupedCount[]): Counts {
  const cells = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, zeroRegions()])) as Counts["cells"];
  const groupTotals = Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, 0])) as Record<StakeholderGroup, number>;
  const regionTotals = zeroRegions();
  let total = 0;
  for (const { group, region, n } of rows) {
    total += n;
    if (group) groupTotals[group] += n;
    if (region) regionTotals[region] += n;
    if (group && region) cells[group][region] += n;
  }
  return { cells, groupTotals, regionTotals, total };
}

/** A part of a whole in percent, one decimal; 0 when the whole is empty. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ("YYYY-MM-DD") of an instant on the clocks of `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** The day after a calendar date: plain date arithmetic, so a 23- or 25-hour day is still one day. */
function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Longest series drawn: a call open for years is shown over its last this-many days. */
export const MAX_DAYS = 400;

/** Items that arrived on one calendar date ("YYYY-MM-DD") of a time zone. */
export type DayCount = { date: string; count: number };

/**
 * Arrivals per day and cumulated, from the day of `from` to the day of `to` (both in `timeZone`), every day
 * present, days without arrivals included, from counts per date in that zone (computed in SQL:
 * lib/insights/source.ts). Arrivals before `from` count in the first day; arrivals after `to` are not shown.
 */
export function seriesFromDailyCounts(perDay: readonly DayCount[], timeZone: string, from: Date, to: Date): DayPoint[] {
  const counts = new Map<string, number>();
  for (const { date, count } of perDay) counts.set(date, (counts.get(date) ?? 0) + count);
  const last = localDate(to, timeZone);
  let date = localDate(from, timeZone);
  if (date > last) return [];
  const days: string[] = [];
  for (; date <= last; date = nextDate(date)) days.push(date);
  const shown = days.slice(-MAX_DAYS);
  let cumulative = [...counts].filter(([day]) => day < shown[0]!).reduce((sum, [, n]) => sum + n, 0);
  return shown.map((day) => {
    const count = counts.get(day) ?? 0;
    cumulative += count;
    return { date: day, count, cumulative };
  });
}

/** The same series from the arrival instants themselves, each counted on its date in `timeZone`. */
export function cumulativeByDay(arrivals: readonly Date[], timeZone: string, from: Date, to: Date): DayPoint[] {
  return seriesFromDailyCounts(
    arrivals.map((arrivedAt) => ({ date: localDate(arrivedAt, timeZone), count: 1 })),
    timeZone,
    from,
    to,
  );
}
