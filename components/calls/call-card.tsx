import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { CallStatus } from "@/lib/calls/status";

type CallSummary = {
  slug: string;
  title: string;
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
  const scheduled = call.status === "SCHEDULED";
  const when = t.rich(scheduled ? "opens" : call.status === "OPEN" ? "closes" : "closed", {
    time: () => <LocalDate date={scheduled ? call.opensAt : call.closesAt} timeZone={call.timeZone} reader />,
  });
  return (
    <li className="card">
      <h4>
        <Link href={`/calls/${call.slug}`}>{call.title}</Link>
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
