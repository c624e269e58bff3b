import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForumForm } from "@/components/forums/forum-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";
import { UserText } from "@/components/ui/user-text";
import { requireRole } from "@/lib/auth/session";
import { createForumAction } from "@/lib/forums/actions";
import { listForums } from "@/lib/forums/forums";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Forums"))("title") };
}

const NEW_FORUM = {
  name: "",
  slug: "",
  kind: "BEST_PRACTICE_FORUM",
  description: "",
  contactEmail: "",
  facilitatorsMayAppoint: false,
  publicationAbout: "",
  publicationContact: "",
};

/** Every forum with its calls and people, and a form for a new one: administrators only. */
async function AdminForumsPage() {
  const actor = await requireRole("ADMIN", { returnTo: "/admin/forums" });
  const t = await getTranslations("Forums");
  const forums = await listForums(actor);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <section aria-labelledby="forums-heading">
        <h2 id="forums-heading">{t("listHeading")}</h2>
        {forums.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <TableRegion labelledBy="forums-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("calls")}</th>
                  <th scope="col">{t("facilitators")}</th>
                  <th scope="col">{t("observers")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {forums.map((forum) => (
                  <tr key={forum.id}>
                    <th scope="row">
                      <UserText>{forum.name}</UserText>
                      <br />
                      <span className="meta" dir="ltr">
                        {forum.slug}
                      </span>
                    </th>
                    <td>{t(`kinds.${forum.kind}`)}</td>
                    <td>{forum.calls}</td>
                    <td>{forum.facilitators}</td>
                    <td>{forum.observers}</td>
                    <td>
                      <Link href={`/admin/forums/${forum.id}`}>
                        {t("edit")}
                        <span className="visually-hidden"> {forum.name}</span>
                      </Link>
                      {" · "}
                      <Link href={`/moderation/forums/${forum.id}`}>
                        {t("people")}
                        <span className="visually-hidden"> {forum.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
      <section aria-labelledby="new-forum-heading" className="editor-section">
        <h2 id="new-forum-heading">{t("createHeading")}</h2>
        <ForumForm action={createForumAction} defaults={NEW_FORUM} />
      </section>
    </>
  );
}

export default withClientMessages(["EditConflict", "Forums", "Errors"], AdminForumsPage);
