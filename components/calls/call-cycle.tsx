import { Link } from "@/lib/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { langProps } from "@/components/i18n/content-language";
import { DeadlineClock } from "@/components/calls/deadline-clock";
import { LocalDate } from "@/components/ui/local-date";
import { ReaderTime } from "@/components/ui/reader-time";
import type { CallCycle as Cycle, CyclePhase, CycleSet } from "@/lib/messages/cycle";

type Call = { opensAt: Date; closesAt: Date; timeZone: string; asOf: Date };

/** A date in the call's zone, then the same instant in the reader's (added by the browser). */
function When({ date, timeZone }: { date: Date; timeZone: string }) {
  return (
    <>
      <LocalDate date={date} timeZone={timeZone} /> <ReaderTime date={date.toISOString()} />
    </>
  );
}

/**
 * The cycle a call belongs to, as an ordered list of its four phases: each with its dates and links to what
 * exists; the phase reached last is the current step. Phases not reached say so, without dates.
 */
export async function CallCycle({ call, cycle }: { call: Call; cycle: Cycle }) {
  const t = await getTranslations("Cycle");
  const locale = await getLocale();
  const now = call.asOf;
  const reached: Record<CyclePhase, boolean> = {
    open: now >= call.opensAt,
    closed: now >= call.closesAt,
    comment:
      cycle.reached === "comment" ||
      cycle.reached === "final" ||
      cycle.sets.some((s) => s.period && s.period.state !== "upcoming"),
    final: cycle.finals.length > 0,
  };
  const step = (phase: CyclePhase) => ({
    className: `cycle-step ${cycle.reached === phase ? "is-current" : reached[phase] ? "is-done" : "is-upcoming"}`,
    "aria-current": cycle.reached === phase ? ("step" as const) : undefined,
  });
  const state = (phase: CyclePhase) => (
    <span className="cycle-state">{t(cycle.reached === phase ? "current" : reached[phase] ? "done" : "upcoming")}</span>
  );
  const withPeriod = cycle.sets.filter((set) => set.period);
  const withoutPeriod = cycle.drafts.filter((set) => !set.period);

  return (
    <ol className="cycle">
      <li {...step("open")}>
        <h3>{t("open")}</h3>
        {state("open")}
        <p>
          {t(reached.open ? "opened" : "opens")} <When date={call.opensAt} timeZone={call.timeZone} />
        </p>
      </li>
      <li {...step("closed")}>
        <h3>{t("closed")}</h3>
        {state("closed")}
        <p>
          {t(reached.closed ? "closedOn" : "closes")} <LocalDate date={call.closesAt} timeZone={call.timeZone} />{" "}
          {reached.closed ? (
            <ReaderTime date={call.closesAt.toISOString()} />
          ) : (
            <DeadlineClock closesAt={call.closesAt.toISOString()} serverNow={now.getTime()} />
          )}
        </p>
      </li>
      <li {...step("comment")}>
        <h3>{t("comment")}</h3>
        {state("comment")}
        {withPeriod.length + withoutPeriod.length === 0 ? (
          <p>{t("commentNotYet")}</p>
        ) : (
          <ul className="cycle-links">
            {withPeriod.map((set) => (
              <PeriodItem key={set.slug} set={set} timeZone={call.timeZone} />
            ))}
            {withoutPeriod.map((set) => (
              <li key={set.slug}>
                <Link href={`/messages/${set.slug}`} {...langProps(set.lang, locale)}>
                  {set.title}
                </Link>{" "}
                <span className="meta">{t("noPeriod", { version: set.version })}</span>
              </li>
            ))}
          </ul>
        )}
      </li>
      <li {...step("final")}>
        <h3>{t("final")}</h3>
        {state("final")}
        {cycle.finals.length === 0 ? (
          <p>{t("finalNotYet")}</p>
        ) : (
          <ul className="cycle-links">
            {cycle.finals.map((set) => (
              <li key={set.slug}>
                <Link href={`/messages/${set.slug}`} {...langProps(set.lang, locale)}>
                  {set.title}
                </Link>
                <span className="meta">
                  {t("finalisedOn")} <When date={set.finalisedAt!} timeZone={call.timeZone} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </li>
    </ol>
  );
}

async function PeriodItem({ set, timeZone }: { set: CycleSet; timeZone: string }) {
  const t = await getTranslations("Cycle");
  const locale = await getLocale();
  const period = set.period!;
  return (
    <li>
      <Link href={set.final ? `/messages/${set.slug}/versions` : `/messages/${set.slug}`}>
        {set.final ? t("draftOf", { title: set.title }) : <span {...langProps(set.lang, locale)}>{set.title}</span>}
      </Link>
      <span className="meta">
        {t(`period.${period.state === "none" ? "closed" : period.state}`, { version: period.version })}
      </span>
      <span className="meta">
        {t("from")} <When date={period.opensAt} timeZone={timeZone} />
      </span>
      <span className="meta">
        {t("until")} <When date={period.closesAt} timeZone={timeZone} />
      </span>
      <Link href={`/messages/${set.slug}/comments`}>{t("comments")}</Link>
    </li>
  );
}
