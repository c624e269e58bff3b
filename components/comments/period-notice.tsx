// Where a published version stands for comment: open until …, opens on …, closed on … (early, with the
// reason, when a facilitator closed it before its announced end), cancelled (with the reason), or final.
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import { UserText } from "@/components/ui/user-text";
import type { PublishedMessageSet } from "@/lib/messages/public";

export async function PeriodNotice({
  set,
  none,
}: {
  set: Pick<PublishedMessageSet, "status" | "version" | "timeZone">;
  none?: string;
}) {
  const t = await getTranslations("CommentPeriod");
  const { version } = set;
  const final = set.status === "FINAL" || version.finalisedAt !== null;
  if (final) return <p className="notice">{t("final")}</p>;
  const time = (date: Date) =>
    function Time() {
      return <LocalDate date={date} timeZone={set.timeZone} reader />;
    };
  const early = version.earlyEnd;
  const reason = () => <UserText>{early?.reason}</UserText>;
  if (version.commentPeriod === "open")
    return <p className="notice ok">{t.rich("open", { time: time(version.commentClosesAt!) })}</p>;
  if (version.commentPeriod === "upcoming")
    return <p className="notice">{t.rich("upcoming", { time: time(version.commentOpensAt!) })}</p>;
  if (version.commentPeriod === "closed")
    return (
      <p className="notice">
        {early && !early.cancelled
          ? t.rich("closedEarly", { time: time(early.at), reason })
          : t.rich("closed", { time: time(version.commentClosesAt!) })}
      </p>
    );
  if (early?.cancelled) return <p className="notice">{t.rich("cancelled", { time: time(early.at), reason })}</p>;
  return none ? <p className="notice">{none}</p> : null;
}
