import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForumForm } from "@/components/forums/forum-form";
import { LogoForm } from "@/components/forums/logo-form";
import { withClientMessages } from "@/components/i18n/client-messages";
import { UserText } from "@/components/ui/user-text";
import { requireRole } from "@/lib/auth/session";
import { removeForumLogoAction, setForumLogoAction, updateForumAction } from "@/lib/forums/actions";
import { logoPath } from "@/lib/forums/logo-path";
import { getForumForEditing } from "@/lib/forums/forums";
import { Link } from "@/lib/i18n/navigation";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Forums"))("editTitle") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<{ created?: string; logo?: string }>;

/** One forum's editor: administrators only; an unknown id is the 404 page. */
async function EditForumPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const actor = await requireRole("ADMIN", { returnTo: `/admin/forums/${encodeURIComponent(id)}` });
  const t = await getTranslations("Forums");
  const { created, logo } = await searchParams;
  const forum = await orNotFound(getForumForEditing(actor, id));
  return (
    <>
      <p>
        <Link href="/admin/forums">{t("back")}</Link>
      </p>
      {created && (
        <p className="notice ok" role="status">
          {t("created")}
        </p>
      )}
      <h1>{t("editTitle")}</h1>
      <p className="lead">
        <UserText>{forum.name}</UserText>
      </p>
      <p>
        <Link href={`/moderation/forums/${forum.id}`}>{t("peopleLink")}</Link>
      </p>
      <ForumForm
        action={updateForumAction}
        forumId={forum.id}
        revision={forum.revision}
        defaults={{
          name: forum.name,
          slug: forum.slug,
          kind: forum.kind,
          description: forum.description,
          contactEmail: forum.contactEmail,
          facilitatorsMayAppoint: forum.facilitatorsMayAppoint,
          publicationAbout: forum.publicationAbout,
          publicationContact: forum.publicationContact,
        }}
      />
      <section aria-labelledby="logo-heading" className="editor-section">
        <h2 id="logo-heading">{t("logoHeading")}</h2>
        {(logo === "saved" || logo === "removed") && (
          <p className="notice ok" role="status">
            {t(logo === "saved" ? "logoSaved" : "logoRemoved")}
          </p>
        )}
        <LogoForm
          forumId={forum.id}
          forumName={forum.name}
          logo={forum.logoUpdatedAt && forum.logoType ? logoPath(forum.id, forum.logoUpdatedAt) : null}
          upload={setForumLogoAction}
          remove={removeForumLogoAction}
        />
      </section>
    </>
  );
}

export default withClientMessages(["EditConflict", "Forums", "Errors"], EditForumPage);
