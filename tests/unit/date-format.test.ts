// Every date a person reads names its time zone (issue 16, item 5): the shared formatter for several zones,
// a scan that fails on any other date formatting in app/, components/ and lib/, and the emails as rendered.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDate, formatInZoneAndUtc } from "@/lib/dates/format";
import { draftOpenedEmail } from "@/lib/notifications/templates";
import { receiptEmail } from "@/lib/responses/receipt-mail";

const instant = new Date("2026-07-02T14:05:00Z");
// ICU puts a narrow no-break space before AM/PM.
const plain = (text: string) => text.replace(/\u202f/g, " ");

describe("the shared date formatter", () => {
  const cases: [string, string, string][] = [
    ["UTC", "en-GB", "2 July 2026 at 14:05 UTC"],
    ["Europe/Berlin", "en-GB", "2 July 2026 at 16:05 CEST"],
    ["America/New_York", "en", "July 2, 2026 at 10:05 AM EDT"],
    // Offsets alone do not say which clock: the IANA name follows.
    ["Africa/Lagos", "en-GB", "2 July 2026 at 15:05 GMT+1 (Africa/Lagos)"],
    ["Asia/Kolkata", "en", "July 2, 2026 at 07:35 PM GMT+5:30 (Asia/Kolkata)"],
    ["Europe/Berlin", "en", "July 2, 2026 at 04:05 PM GMT+2 (Europe/Berlin)"],
    // Arabic writes "GMT" in its own script: an offset all the same.
    ["Africa/Lagos", "ar", "2 يوليو 2026 في 03:05 م غرينتش+1 (Africa/Lagos)"],
  ];
  it.each(cases)("writes %s in %s with its zone", (timeZone, locale, expected) => {
    expect(plain(formatDate(instant, { timeZone, locale }))).toBe(expected);
  });

  it("names the zone in every supported zone and style, and in the runtime's own zone", () => {
    for (const timeZone of Intl.supportedValuesOf("timeZone")) {
      for (const style of ["dateTime", "time"] as const) {
        const text = formatDate(instant, { timeZone, locale: "en", style });
        const short = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "short" })
          .formatToParts(instant)
          .find((part) => part.type === "timeZoneName")!.value;
        expect(text).toContain(short);
        if (/^GMT[+-]/.test(short)) expect(text).toContain(`(${timeZone})`);
      }
    }
    expect(plain(formatDate(instant))).toMatch(/\d{2}:\d{2}( [AP]M)? \S/);
    expect(plain(formatDate(instant, { style: "time", timeZone: "UTC" }))).toBe("02:05 PM UTC");
  });

  it("writes emails' dates in the call's zone and in UTC", () => {
    expect(formatInZoneAndUtc(instant, "Europe/Berlin")).toBe(
      "2 July 2026 at 16:05 CEST (Europe/Berlin) / 2 July 2026 at 14:05 UTC",
    );
    expect(formatInZoneAndUtc(instant, "UTC")).toBe("2 July 2026 at 14:05 UTC");
  });
});

// Formatting a date for people anywhere else would bypass the zone: only these files may, each for a reason.
const ALLOWED = new Map([
  ["lib/dates/format.ts", "the shared formatter itself"],
  ["lib/calls/time.ts", "converts typed local times to instants (wall-clock digits, never shown as a date)"],
  ["lib/insights/tally.ts", "buckets responses by calendar day in the call's zone (keys, not text)"],
]);
const DATE_FORMATTING =
  /toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|\.dateTime\(|\b(dateStyle|timeStyle)\b|toUTCString\(\)|useFormatter\(\)\.dateTime/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe("date formatting in the code", () => {
  it("goes through lib/dates/format.ts everywhere a person reads a date", () => {
    const root = process.cwd();
    const offenders = ["app", "components", "lib"]
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .map((path) => relative(root, path))
      .filter((path) => !ALLOWED.has(path))
      .flatMap((path) =>
        readFileSync(join(root, path), "utf8")
          .split("\n")
          .map((line, index) => ({ line, at: `${path}:${index + 1}` }))
          .filter(({ line }) => DATE_FORMATTING.test(line) && !line.includes("Last-Modified"))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("catches a new formatting call (the scan is not blind)", () => {
    for (const line of [
      'new Intl.DateTimeFormat(locale, { hour: "2-digit" }).format(date)',
      'format.dateTime(date, { year: "numeric" })',
      "date.toLocaleDateString()",
      '{ dateStyle: "long" }',
    ])
      expect(DATE_FORMATTING.test(line)).toBe(true);
  });
});

describe("emails name their zones", () => {
  it("the receipt says when it was received, in the call's zone and in UTC", () => {
    const to = `receipt-${Date.now()}@test.example.org`;
    const mail = receiptEmail({
      to,
      responseId: "r1",
      reference: "BPF-2026-0042",
      callTitle: "Cybersecurity norms",
      version: 1,
      submittedAt: instant,
      timeZone: "Africa/Lagos",
      consent: "PUBLISH_NAMED",
      identity: { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", organisation: null, onBehalfOf: null },
    });
    expect(mail.to).toBe(to);
    expect(mail.text).toContain("Received on 2 July 2026 at 15:05 GMT+1 (Africa/Lagos) / 2 July 2026 at 14:05 UTC.");
  });

  it("the draft-opened email gives the comment period in the call's zone and in UTC", () => {
    const email = draftOpenedEmail(
      { name: "Ana", token: "t" },
      {
        slug: "norms",
        title: "Norms",
        number: 2,
        callTitle: "Cybersecurity",
        timeZone: "America/New_York",
        opensAt: instant,
        closesAt: new Date("2026-07-16T14:05:00Z"),
      },
    );
    expect(email.text).toContain(
      "from 2 July 2026 at 10:05 GMT-4 (America/New_York) / 2 July 2026 at 14:05 UTC until 16 July 2026 at 10:05 GMT-4 (America/New_York) / 16 July 2026 at 14:05 UTC.",
    );
  });
});
