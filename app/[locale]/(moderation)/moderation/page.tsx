import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { moderationHome, type HomeForum } from "@/lib/calls/moderation-home";
import { queueCountsByCall, type QueueCounts } from "@/lib/moderation/queue";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Moderation"))("title") };
}

// The forums the person takes part in (every forum for an administrator), each with its calls and what
// awaits its facilitators. Write links appear only where the person may write.
async function ModerationPage() {
  const user = await requirePermission("forum.read", { returnTo: "/moderation" });
  const t = await getTranslations("Moderation");
  const tCalls = await getTranslations("ModerationCalls");
  const [forums, queues] = await Promise.all([moderationHome(user), queueCountsByCall(user)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {can(user, "calls.manage") && (
        <p>
          <Link href="/moderation/calls/new" className="button">
            {tCalls("newCall")}
          </Link>
        </p>
      )}
      {forums.length === 0 && <p>{t("noForums")}</p>}
      {forums.map((forum) => (
        <ForumSection key={forum.id} forum={forum} queues={queues} mayEdit={can(user, "calls.manage", forum.id)} />
      ))}
    </>
  );
}

async function ForumSection({
  forum,
  queues,
  mayEdit,
}: {
  forum: HomeForum;
  queues: Map<string, QueueCounts>;
  mayEdit: boolean;
}) {
  const t = await getTranslations("Moderation");
  const tStatus = await getTranslations("CallStatus");
  const tCalls = await getTranslations("ModerationCalls");
  const tQueue = await getTranslations("ModerationQueue");
  const headingId = `forum-${forum.id}`;
  return (
    <section aria-labelledby={headingId} className="editor-section">
      <h2 id={headingId}>{forum.name}</h2>
      <p>
        {forum.part && forum.part !== "ADMIN" && <>{t(`part.${forum.part}`)} </>}
        <Link href={`/moderation/forums/${forum.id}`}>{t("people", { forum: forum.name })}</Link>
      </p>
      {forum.calls.length === 0 ? (
        <p>{t("noCallsInForum")}</p>
      ) : (
        <TableRegion labelledBy={headingId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("call")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("closes")}</th>
                <th scope="col">{t("submitted")}</th>
                <th scope="col">{t("drafts")}</th>
                <th scope="col">{t("groupsHeard")}</th>
                <th scope="col">{tQueue("title")}</th>
                <th scope="col">{t("commentsAwaiting")}</th>
                {mayEdit && <th scope="col">{tCalls("actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {forum.calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row">{call.title}</th>
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
                    <Link href={`/moderation/calls/${call.id}/messages`}>
                      {call.commentsAwaiting}
                      <span className="visually-hidden"> {call.title}</span>
                    </Link>
                  </td>
                  {mayEdit && (
                    <td>
                      <Link href={`/moderation/calls/${call.id}`}>
                        {tCalls("edit")}
                        <span className="visually-hidden"> {call.title}</span>
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export default withClientMessages(["Deadline"], ModerationPage);
