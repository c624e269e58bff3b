"use client";
// Beside a date shown in a call's own zone (by the server): the same instant in the reader's zone, read from
// the browser. Without JavaScript nothing is added and the call's zone, which names itself, stays.
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { formatDate } from "@/lib/dates/format";

const noSubscription = () => () => {};

export function ReaderTime({ date }: { date: string }) {
  const t = useTranslations("Deadline");
  const locale = useLocale();
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!inBrowser) return null;
  return <span className="deadline-local">{t("yourTime", { time: formatDate(date, { locale }) })}</span>;
}
