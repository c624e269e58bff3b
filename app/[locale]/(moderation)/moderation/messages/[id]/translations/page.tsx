// A message set's translations, version by version: the language the set is written in, and a saved
// version's translation into the chosen language beside its original (?version=2&lang=fr; the latest
// version and the first language it lacks by default).
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { withClientMessages } from "@/components/i18n/client-messages";
import { languageName } from "@/components/i18n/content-language";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { OriginalLanguageForm } from "@/components/translations/language-forms";
import { TranslationForm } from "@/components/translations/translation-form";
import { LanguageTabs } from "@/components/translations/language-tabs";
import { translationRows } from "@/components/translations/rows";
import styles from "@/components/translations/translation-form.module.css";
import { requirePermission } from "@/lib/auth/session";
import { localizedPath } from "@/lib/i18n/config";
import { Link } from "@/lib/i18n/navigation";
import { orNotFound } from "@/lib/not-found";
import { saveVersionTranslationAction, setMessageSetLanguageAction } from "@/lib/translations/actions";
import { versionTranslationFields } from "@/lib/translations/texts";
import { getVersionTranslationForEditing } from "@/lib/translations/versions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Translations"))("setTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function MessageTranslationsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("messages.edit", {
    returnTo: `/moderation/messages/${encodeURIComponent(id)}/translations`,
  });
  const t = await getTranslations("Translations");
  const pageLocale = await getLocale();
  const raw = await searchParams;
  const requestedVersion = Number(first(raw.version));
  const editing = await orNotFound(
    getVersionTranslationForEditing(user, id, Number.isInteger(requestedVersion) ? requestedVersion : undefined, first(raw.lang)),
  );
  const base = `/moderation/messages/${encodeURIComponent(id)}`;
  if (!editing)
    return (
      <>
        <p>
          <Link href={base}>{t("setTitle")}</Link>
        </p>
        <h1>{t("setTitle")}</h1>
        <p className="notice">{t("noVersion")}</p>
      </>
    );
  const { set, original, locale: lang, version } = editing;
  const name = (l: string) => languageName(l, pageLocale);
  const rows = await translationRows(versionTranslationFields(original));
  return (
    <>
      <p>
        <Link href={base}>{set.title}</Link>
      </p>
      <h1>{t("setTitle")}</h1>
      <p className="lead" lang={original.language}>
        {original.title}
      </p>
      <CallToolsNav callId={set.callId} forumId={editing.forumId} current="messages" />
      <p className="hint">{t("setIntro")}</p>
      <div className={styles.controls}>
        <OriginalLanguageForm action={setMessageSetLanguageAction} idName="setId" id={set.id} language={original.language} />
        <form method="get" className="inline-form">
          <input type="hidden" name="lang" value={lang} />
          <label htmlFor="version-choice">{t("version")}</label>
          <select id="version-choice" name="version" defaultValue={String(version.number)}>
            {editing.versions.map((v) => (
              <option key={v.number} value={v.number}>
                {v.published ? t("versionPublished", { n: v.number }) : t("versionOption", { n: v.number })}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary">
            {t("showVersion")}
          </button>
        </form>
        <LanguageTabs
          targets={editing.targets}
          current={lang}
          translated={editing.translated}
          href={(l) => `${base}/translations?version=${version.number}&lang=${l}`}
        />
      </div>
      <h2>
        {t("versionOption", { n: version.number })} · {name(lang)}
      </h2>
      {editing.frozen && <p className="notice">{t("frozen")}</p>}
      {editing.carried && <p className="notice">{t("carried")}</p>}
      {editing.updatedAt && version.publishedAt && (
        <p>
          <a href={localizedPath(`/messages/${set.slug}`, lang)} lang={lang}>
            {t("viewPublic", { language: name(lang) })}
          </a>
        </p>
      )}
      <TranslationForm
        key={`${version.number}-${lang}`}
        action={saveVersionTranslationAction}
        hidden={{ setId: set.id, number: String(version.number), locale: lang }}
        rows={rows}
        values={editing.values}
        revision={editing.updatedAt?.getTime() ?? 0}
        from={original.language}
        to={lang}
        fromName={name(original.language)}
        toName={name(lang)}
        disabled={editing.frozen}
      />
    </>
  );
}

export default withClientMessages(["EditConflict", "Translations"], MessageTranslationsPage);
