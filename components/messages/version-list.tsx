// Saved versions of a message set, newest first, with "Publish" for those not yet published, and the form
// that saves the working copy as a new version.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { EditableMessageSet } from "@/lib/messages/sets";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { ActionButton } from "./action-button";
import type { EditorActions } from "./editor-actions";
import { TextForm } from "./text-form";

type Props = { set: EditableMessageSet; actions: EditorActions };

export async function VersionList({ set, actions }: Props) {
  const t = await getTranslations("MessageEditor");
  return (
    <section aria-labelledby="versions-heading" className="editor-section">
      <h2 id="versions-heading">{t("versions")}</h2>
      <p className="hint">{t("saveVersionHint")}</p>
      <TextForm
        id="save-version"
        schema="saveVersion"
        action={actions.saveVersion}
        hidden={{ setId: set.id }}
        fields={[{ name: "summary", label: t("summary"), hint: t("summaryHint"), maxLength: MESSAGE_LIMITS.summary }]}
        submitLabel={t("saveVersion")}
        resetOnSuccess
      />
      {set.versions.length === 0 ? (
        <p>{t("noVersions")}</p>
      ) : (
        <ul>
          {set.versions.map((v) => (
            <li key={v.id}>
              <strong>{t("versionN", { n: v.number })}</strong>: {v.summary}{" "}
              <span className="meta">
                ({t("savedOn")} <LocalDate date={v.createdAt} timeZone="UTC" />
                {", "}
                {v.publishedAt ? (
                  <>
                    {t("publishedOn")} <LocalDate date={v.publishedAt} timeZone="UTC" />
                  </>
                ) : (
                  t("notPublished")
                )}
                )
              </span>{" "}
              {!v.publishedAt && (
                <ActionButton action={actions.publishVersion} hidden={{ versionId: v.id }} label={t("publishVersion", { n: v.number })} />
              )}
            </li>
          ))}
        </ul>
      )}
      {set.status === "PUBLISHED" && (
        <p>
          <Link href={`/messages/${set.slug}`}>{t("viewPublic")}</Link>
        </p>
      )}
    </section>
  );
}
