"use client";
// Beside a call's deadline (shown in the call's own zone by the server): the same instant in the visitor's
// zone, read from the browser, and in the last seven days a countdown that moves each minute. Without
// JavaScript the server's countdown stays as plain text and the visitor's zone is simply not shown.
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { ReaderTime } from "@/components/ui/reader-time";

const MINUTE = 60_000;
const COUNTDOWN_FROM = 7 * 24 * 60 * MINUTE;

function subscribeToMinutes(onChange: () => void) {
  const timer = setInterval(onChange, MINUTE / 4);
  return () => clearInterval(timer);
}
const currentMinute = () => Math.floor(Date.now() / MINUTE);

export function DeadlineClock({ closesAt, serverNow }: { closesAt: string; serverNow: number }) {
  const t = useTranslations("Deadline");
  const minute = useSyncExternalStore(subscribeToMinutes, currentMinute, () => Math.floor(serverNow / MINUTE));
  const deadline = new Date(closesAt);
  const left = deadline.getTime() - minute * MINUTE;

  let countdown: string | null = null;
  if (left > 0 && left <= COUNTDOWN_FROM) {
    const minutes = Math.floor(left / MINUTE);
    countdown =
      minutes === 0
        ? t("lastMinute")
        : t("countdown", { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 });
  }
  return (
    <>
      <ReaderTime date={closesAt} />
      {countdown && <strong className="deadline-countdown">{countdown}</strong>}
    </>
  );
}
