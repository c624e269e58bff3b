"use client";
// Beside a date shown in a call's own zone (by the server): the same instant in the reader's zone, read from
// the browser. Without JavaScript nothing is added (an empty line is held for it) and the call's zone, which names
// itself, stays. What the server renders carries the instant and the sentence around it (data-reader-time,
// data-template), so that the small script of a cached public page, which has no React, fills it in the same way
// (scripts/lib/reading-page.mjs).
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDate } from "@/lib/dates/format";

const noSubscription = () => () => {};

/** `inline`: inside a sentence, "(your time: …)"; otherwise a line of its own under the date. */
export function ReaderTime({ date, inline = false }: { date: string; inline?: boolean }) {
  const t = useTranslations("Deadline");
  const locale = useLocale();
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) {
    // The line of its own is held open from the first paint, so the page does not move down when the browser fills
    // it in (a layout shift Lighthouse counted on the response form: CLS 0.155). Inside a sentence nothing is shown.
    const template = t(inline ? "yourTimeInline" : "yourTime", { time: "{time}" });
    return inline ? (
      <span className="reader-time" data-reader-time={date} data-template={template} hidden />
    ) : (
      <span className="deadline-local" data-reader-time={date} data-template={template} aria-hidden="true">
        {"\u00a0"}
      </span>
    );
  }
  const time = formatDate(date, { locale });
  if (inline) return <span className="reader-time">{t("yourTimeInline", { time })}</span>;
  return <span className="deadline-local">{t("yourTime", { time })}</span>;
}
