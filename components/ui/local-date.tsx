import { getFormatter } from "next-intl/server";

/** A date and time in the given zone, in the reader's locale, with the zone named. */
export async function LocalDate({ date, timeZone }: { date: Date; timeZone: string }) {
  const format = await getFormatter();
  return (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, {
        year: "numeric",
        month: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
        timeZoneName: "short",
      })}
    </time>
  );
}
