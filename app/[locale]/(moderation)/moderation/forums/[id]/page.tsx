import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppointForm } from "@/components/forums/appoint-form";
import { AppointmentControls } from "@/components/forums/appointment-controls";
import { withClientMessages } from "@/components/i18n/client-messages";
import { LocalDate } from "@/components/ui/local-date";
import { TableRegion } from "@/components/ui/table-region";
import { UserText } from "@/components/ui/user-text";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listForumPeople } from "@/lib/forums/appointments";
import { Link } from "@/lib/i18n/navigation";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Forums"))("peopleTitle") };
}

type Params = Promise<{ id: string }>;

/**
 * A forum's facilitators and observers, for anyone who may read the forum; the forms to appoint, change and
 * remove only for those who may appoint there. A forum the reader has no part in is the 404 page, as an
 * unknown one is.
 */
async function ForumPeoplePage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requirePermission("forum.read", { returnTo: `/moderation/forums/${encodeURIComponent(id)}` });
  const t = await getTranslations("Forums");
  const { forum, mayAppoint, people } = await orNotFound(listForumPeople(actor, id));
  const managesForums = can(actor, "forums.manage");
  return (
    <>
      <p>
        <Link href={managesForums ? "/admin/forums" : "/moderation"}>{managesForums ? t("back") : t("backToModeration")}</Link>
      </p>
      <h1>{t("peopleTitle")}</h1>
      <p className="lead">
        <UserText>{forum.name}</UserText> · {t(`kinds.${forum.kind}`)}
      </p>
      {forum.description && (
        <p dir="auto" className="answer-text">
          {forum.description}
        </p>
      )}
      {forum.contactEmail && (
        <p>
          {t("contact")}{" "}
          <a href={`mailto:${forum.contactEmail}`} dir="ltr">
            {forum.contactEmail}
          </a>
        </p>
      )}
      <p>{t("peopleIntro")}</p>
      {managesForums && (
        <p>
          <Link href={`/admin/forums/${forum.id}`}>{t("editForum")}</Link>
        </p>
      )}
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{t("peopleHeading")}</h2>
        {people.length === 0 ? (
          <p>{t("noPeople")}</p>
        ) : (
          <TableRegion labelledBy="people-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("person")}</th>
                  <th scope="col">{t("part")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("appointedBy")}</th>
                  <th scope="col">{t("since")}</th>
                  {mayAppoint && <th scope="col">{t("actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <tr key={person.id}>
                    <th scope="row">
                      <UserText>{person.name}</UserText>
                      {person.own && <> {t("you")}</>}
                      {person.email && person.email !== person.name && (
                        <>
                          <br />
                          <span className="meta" dir="ltr">
                            {person.email}
                          </span>
                        </>
                      )}
                    </th>
                    <td>{t(`roles.${person.role}`)}</td>
                    <td>{person.pending ? t("pending") : t("active")}</td>
                    <td>{person.appointedBy ? <UserText>{person.appointedBy}</UserText> : t("notRecorded")}</td>
                    <td>
                      <LocalDate date={person.since} timeZone="UTC" />
                    </td>
                    {mayAppoint && (
                      <td>
                        {person.own && !managesForums ? (
                          t("ownAppointment")
                        ) : (
                          <AppointmentControls
                            forumId={forum.id}
                            appointmentId={person.id}
                            person={person.name}
                            role={person.role}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      {mayAppoint ? (
        <section aria-labelledby="appoint-heading" className="editor-section">
          <h2 id="appoint-heading">{t("appointHeading")}</h2>
          <p>{t("appointIntro")}</p>
          <AppointForm forumId={forum.id} />
        </section>
      ) : (
        <p className="hint">{t("onlyAdministrators")}</p>
      )}
    </>
  );
}

export default withClientMessages(["Forums", "Errors", "Deadline"], ForumPeoplePage);
