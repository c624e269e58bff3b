import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { ModerationNotice } from "@/components/moderation/moderation-notice";
import { LocalDate } from "@/components/ui/local-date";
import { requireUser } from "@/lib/auth/session";
import { listOwnContributions } from "@/lib/responses/responses";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyContributions"))("title") };
}

async function MyContributionsPage() {
  const user = await requireUser({ returnTo: "/my/contributions" });
  const t = await getTranslations("MyContributions");
  const ts = await getTranslations("ResponseStatus");
  const tCall = await getTranslations("CallStatus");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tc = await getTranslations("Consent");
  const rows = await listOwnContributions(user);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {rows.length === 0 ? (
        <p>
          {t("empty")} <Link href="/">{t("findCalls")}</Link>
        </p>
      ) : (
        <TableRegion labelledBy="contributions-caption">
          <table>
            <caption id="contributions-caption" className="visually-hidden">
              {t("title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("call")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("reference")}</th>
                <th scope="col">{t("versions")}</th>
                <th scope="col">{t("deadline")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const open = row.call.status === "OPEN";
                const respond = `/calls/${row.call.slug}/respond`;
                return (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.call.title}
                      <span className="meta">{t("callStatus", { status: tCall(row.call.status) })}</span>
                      {row.status !== "DRAFT" && (
                        // What it is filed under and how it is published, in a line under the call (no extra column on a phone).
                        <span className="meta filed-under">
                          {t("filedUnder", {
                            identity: [
                              row.stakeholderGroup && tGroup(row.stakeholderGroup),
                              row.region && tRegion(row.region),
                              row.organisation,
                              row.onBehalfOf && t("onBehalfOf", { name: row.onBehalfOf }),
                            ]
                              .filter(Boolean)
                              .join(" · "),
                          })}
                          {row.consent && ` — ${tc(row.consent)}`}
                        </span>
                      )}
                    </th>
                    <td>
                      {ts(row.status)}
                      {row.status === "SUBMITTED" && (
                        <ModerationNotice state={row.moderationState} hiddenReason={row.hiddenReason} compact />
                      )}
                    </td>
                    <td>{row.reference ?? "—"}</td>

                    <td>{row.versionCount}</td>
                    <td>
                      <LocalDate date={row.call.closesAt} timeZone={row.call.timeZone} reader />
                    </td>
                    <td className="row-actions">
                      {row.status === "DRAFT" && (
                        <Link href={respond}>
                          {t("open")}
                          <span className="visually-hidden">: {row.call.title}</span>
                        </Link>
                      )}
                      {row.status === "SUBMITTED" && open && (
                        <Link href={respond}>
                          {t("edit")}
                          <span className="visually-hidden">: {row.call.title}</span>
                        </Link>
                      )}
                      {row.status !== "DRAFT" && (
                        <Link href={`/my/responses/${row.id}`}>
                          {t("receipt")}
                          <span className="visually-hidden">: {row.reference ?? row.call.title}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export default withClientMessages(["Deadline"], MyContributionsPage);
