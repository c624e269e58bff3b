// The one way a date is written for a person: always with the zone it is read in (issue 16, item 5).
// A zone's short name is kept when it names the zone ("UTC", "CEST", "EDT"); when it is only an offset
// ("GMT+1", which is Lagos and London in summer alike; Arabic writes it "غرينتش+1"), the IANA name follows it.
// Components and emails use these functions (or <LocalDate>/<ReaderTime>, which call them); a unit test
// (tests/unit/date-format.test.ts) fails on any other date formatting in app/, components/ and lib/.
// No "server-only": client components (the reader's own zone, the autosave time) use it too.

const STYLES = {
  dateTime: { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" },
  time: { hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof STYLES;

type Options = {
  /** The reader's locale; emails use "en-GB" (a 24-hour clock, day before month). */
  locale?: string;
  /** An IANA zone or "UTC"; unset: the zone of the runtime (the reader's, in a browser). */
  timeZone?: string;
  style?: DateStyle;
  /** Always follow with the IANA name (emails: a reader anywhere learns which place's clock it is). */
  named?: boolean;
};

const OFFSET_ONLY = /^(GMT|UTC|غرينتش)\s*[+\-\u2212]/;

/** "2 July 2026 at 16:05 CEST", "2 July 2026 at 15:05 GMT+1 (Africa/Lagos)", "14:05 UTC". */
export function formatDate(
  date: Date | string | number,
  { locale = "en", timeZone, style = "dateTime", named = false }: Options = {},
) {
  const format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone, timeZoneName: "short" });
  const parts = format.formatToParts(new Date(date));
  const text = parts.map((part) => part.value).join("");
  const zoneName = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
  if (zoneName && !OFFSET_ONLY.test(zoneName) && !(named && timeZone && !isUtc(timeZone))) return text;
  // The zone as given ("Asia/Kolkata"): resolvedOptions() may answer a legacy alias ("Asia/Calcutta").
  return `${text} (${timeZone ?? format.resolvedOptions().timeZone})`;
}

const isUtc = (timeZone: string) => timeZone === "UTC" || timeZone === "Etc/UTC";

/**
 * For emails (the recipient's zone is unknown): the call's zone, named, then UTC unless that is the call's
 * zone: "2 July 2026 at 16:05 CEST (Europe/Berlin) / 2 July 2026 at 14:05 UTC".
 */
export function formatInZoneAndUtc(date: Date | string | number, timeZone: string, locale = "en-GB") {
  const inZone = formatDate(date, { locale, timeZone, named: true });
  if (isUtc(timeZone)) return inZone;
  return `${inZone} / ${formatDate(date, { locale, timeZone: "UTC" })}`;
}

/** The zone a browser reads in (the runtime's), for client components. */
export function readerTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
