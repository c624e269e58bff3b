// The growth series from counts per date (pure: lib/insights/tally.ts). The counting per date in the call's time
// zone is SQL (lib/insights/source.ts, on a real database in participation.test.ts); here the series built from
// it: every day of the window present, a daylight-saving day still one day, arrivals before the window in its
// first day, after it not shown, and the same series as from the arrival instants themselves.
import { describe, expect, it } from "vitest";
import { cumulativeByDay, localDate, MAX_DAYS, seriesFromDailyCounts } from "@/lib/insights/tally";

const ZONE = "Europe/Zurich";

describe("seriesFromDailyCounts", () => {
  it("fills every day of the window, across the 23-hour spring day, and counts earlier days in the first", () => {
    const series = seriesFromDailyCounts(
      [
        { date: "2026-03-20", count: 2 }, // before the window: in its first day's cumulative
        { date: "2026-03-27", count: 1 },
        { date: "2026-03-29", count: 3 }, // the day of the change to summer time
        { date: "2026-04-02", count: 5 }, // after the window: not shown
      ],
      ZONE,
      new Date("2026-03-27T09:00:00Z"),
      new Date("2026-03-30T15:00:00Z"),
    );
    expect(series).toEqual([
      { date: "2026-03-27", count: 1, cumulative: 3 },
      { date: "2026-03-28", count: 0, cumulative: 3 },
      { date: "2026-03-29", count: 3, cumulative: 6 },
      { date: "2026-03-30", count: 0, cumulative: 6 },
    ]);
  });

  it("takes the window's ends on the zone's clocks: 23:30 UTC is already the next day in Zurich", () => {
    const series = seriesFromDailyCounts([], ZONE, new Date("2026-10-24T22:30:00Z"), new Date("2026-10-25T23:30:00Z"));
    expect(series.map((point) => point.date)).toEqual(["2026-10-25", "2026-10-26"]);
  });

  it("is empty when the window ends before it starts, and shows only the last MAX_DAYS days", () => {
    expect(
      seriesFromDailyCounts([{ date: "2026-01-01", count: 1 }], ZONE, new Date("2026-02-01"), new Date("2026-01-01")),
    ).toEqual([]);
    const long = seriesFromDailyCounts(
      [{ date: "2024-01-02", count: 4 }],
      "UTC",
      new Date("2024-01-01T00:00:00Z"),
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(long).toHaveLength(MAX_DAYS);
    expect(long[0]!.cumulative).toBe(4);
  });

  it("gives the series cumulativeByDay gives from the instants, a date counted twice added up", () => {
    const arrivals = [
      "2026-03-27T22:59:00Z",
      "2026-03-28T23:30:00Z",
      "2026-03-29T21:30:00Z",
      "2026-03-29T22:30:00Z",
      "2026-03-01T00:00:00Z",
    ].map((iso) => new Date(iso));
    const from = new Date("2026-03-27T09:00:00Z");
    const to = new Date("2026-04-01T15:00:00Z");
    const perDay = arrivals.map((instant) => ({ date: localDate(instant, ZONE), count: 1 }));
    expect(seriesFromDailyCounts(perDay, ZONE, from, to)).toEqual(cumulativeByDay(arrivals, ZONE, from, to));
    expect(cumulativeByDay(arrivals, ZONE, from, to).map((p) => [p.date, p.count, p.cumulative])).toEqual([
      ["2026-03-27", 1, 2],
      ["2026-03-28", 0, 2],
      ["2026-03-29", 2, 4],
      ["2026-03-30", 1, 5],
      ["2026-03-31", 0, 5],
      ["2026-04-01", 0, 5],
    ]);
  });
});
