import { getLocale } from "next-intl/server";
import { ReaderTime } from "@/components/ui/reader-time";
import { formatDate, type DateStyle } from "@/lib/dates/format";

/**
 * A date and time in the given zone, in the reader's locale, with the zone named (lib/dates/format.ts).
 * `reader`: for deadlines and periods, the same instant in the reader's own zone follows in brackets (added
 * by the browser), so that it reads inside a sentence.
 */
export async function LocalDate({
  date,
  timeZone,
  style,
  reader = false,
}: {
  date: Date;
  timeZone: string;
  style?: DateStyle;
  reader?: boolean;
}) {
  const text = formatDate(date, { locale: await getLocale(), timeZone, style });
  return (
    <>
      <time dateTime={date.toISOString()}>{text}</time>
      {reader && (
        <>
          {" "}
          <ReaderTime date={date.toISOString()} inline />
        </>
      )}
    </>
  );
}
