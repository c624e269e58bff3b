// A call's opening and closing times are typed as local date-times in the call's own time zone (what a
// moderator in Geneva reads on the calendar) and stored as UTC instants. These helpers convert both ways
// with the platform's Intl data, so daylight saving time is handled by the same tables the browser uses.
// No "server-only": the editor's schema runs them in the browser too.

/** The zones a call may use: the IANA names this runtime knows, plus "UTC". */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function isTimeZone(value: string): boolean {
  return value === "UTC" || timeZones().includes(value);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-03-29T02:30": what an `<input type="datetime-local">` holds (minutes, no seconds). */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of `instant` in `timeZone`, as "YYYY-MM-DDTHH:mm" (seconds dropped). */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (whole minutes). */
function offsetAt(instant: number, timeZone: string): number {
  const local = toLocalDateTime(new Date(instant), timeZone);
  const asUtc = Date.parse(`${local}:00Z`);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant at which the clocks in `timeZone` show `local`. Returns null when that wall-clock time does
 * not exist there (skipped when clocks go forward). When it happens twice (clocks go back), the earlier
 * instant is taken, so a call never opens later or closes later than the moderator could have meant.
 */
export function fromLocalDateTime(local: string, timeZone: string): Date | null {
  if (!isLocalDateTime(local)) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  const day = 24 * 3600 * 1000;
  // The offsets a day before and after cover both sides of any transition near this time.
  const candidates = [...new Set([offsetAt(asUtc - day, timeZone), offsetAt(asUtc, timeZone), offsetAt(asUtc + day, timeZone)])]
    .map((offset) => asUtc - offset)
    .filter((instant) => toLocalDateTime(new Date(instant), timeZone) === local)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}
