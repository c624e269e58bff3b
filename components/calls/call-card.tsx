import { Link } from "@/lib/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { CallStatus } from "@/lib/calls/status";
import { langProps } from "@/components/i18n/content-language";
import type { Locale } from "@/lib/i18n/config";

type CallSummary = {
  slug: string;
  title: string;
  /** The language the title is in. */
  lang: string;
  thematicTrack: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  status: CallStatus;
  submittedCount: number;
};

export async function CallCard({ call }: { call: CallSummary }) {
  const t = await getTranslations("Home");
  const tStatus = await getTranslations("CallStatus");
  const locale = await getLocale();
  const scheduled = call.status === "SCHEDULED";
  const when = t.rich(scheduled ? "opens" : call.status === "OPEN" ? "closes" : "closed", {
    time: () => <LocalDate date={scheduled ? call.opensAt : call.closesAt} timeZone={call.timeZone} reader />,
  });
  return (
    <li className="card">
      <h4>
        <Link href={`/calls/${call.slug}`} {...langProps(call.lang as Locale, locale)}>
          {call.title}
        </Link>
      </h4>
      <p>
        <span className="badge">{tStatus(call.status)}</span>
      </p>
      {call.thematicTrack && <p className="meta">{t("track", { track: call.thematicTrack })}</p>}
      <p className="meta">{when}</p>
      <p className="meta">{t("responses", { count: call.submittedCount })}</p>
    </li>
  );
}
