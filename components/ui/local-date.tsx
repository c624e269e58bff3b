import { getFormatter } from "next-intl/server";

/** A date and time in the given zone, in the reader's locale, with the zone named. */
export async function LocalDate({ date, timeZone }: { date: Date; timeZone: string }) {
  const format = await getFormatter();
  return (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone, timeZoneName: "short" })}
    </time>
  );
}
