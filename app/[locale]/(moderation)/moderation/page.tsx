import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import { requirePermission } from "@/lib/auth/session";
import { listCallsForModeration } from "@/lib/calls/calls";
import { queueCountsByCall } from "@/lib/moderation/queue";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Moderation"))("title") };
}

async function ModerationPage() {
  const user = await requirePermission("forum.read", { returnTo: "/moderation" });
  const t = await getTranslations("Moderation");
  const tStatus = await getTranslations("CallStatus");
  const tCalls = await getTranslations("ModerationCalls");
  const tQueue = await getTranslations("ModerationQueue");
  const [calls, queues] = await Promise.all([listCallsForModeration(user), queueCountsByCall(user)]);
  return (
    <>
      <h1 id="moderation-calls-heading">{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href="/moderation/calls/new" className="button">
          {tCalls("newCall")}
        </Link>
      </p>
      {calls.length === 0 ? (
        <p>{t("noCalls")}</p>
      ) : (
        <TableRegion labelledBy="moderation-calls-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("call")}</th>
                <th scope="col">{t("forum")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("closes")}</th>
                <th scope="col">{t("submitted")}</th>
                <th scope="col">{t("drafts")}</th>
                <th scope="col">{t("groupsHeard")}</th>
                <th scope="col">{tQueue("title")}</th>
                <th scope="col">{tCalls("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row">{call.title}</th>
                  <td>{call.forumName}</td>
                  <td>{tStatus(call.status)}</td>
                  <td>
                    <LocalDate date={call.closesAt} timeZone={call.timeZone} reader />
                  </td>
                  <td>{call.submitted}</td>
                  <td>{call.drafts}</td>
                  <td>{t("groupsHeardValue", { heard: call.groupsHeard, total: STAKEHOLDER_GROUPS.length })}</td>
                  <td>
                    <Link href={`/moderation/calls/${call.id}/queue`}>
                      {tQueue("homeCounts", { ...(queues.get(call.id) ?? { new: 0, reported: 0, hidden: 0 }) })}
                      <span className="visually-hidden"> {call.title}</span>
                    </Link>
                  </td>
                  <td>
                    <Link href={`/moderation/calls/${call.id}`}>
                      {tCalls("edit")}
                      <span className="visually-hidden"> {call.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export default withClientMessages(["Deadline"], ModerationPage);
