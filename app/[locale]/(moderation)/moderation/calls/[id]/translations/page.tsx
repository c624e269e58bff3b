// A call's translations: the language it is written in, the languages it is translated into, and the chosen
// language's translation beside the original (?lang=fr; the first language without one by default).
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { withClientMessages } from "@/components/i18n/client-messages";
import { languageName } from "@/components/i18n/content-language";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { OriginalLanguageForm, RemoveTranslationForm } from "@/components/translations/language-forms";
import { TranslationForm } from "@/components/translations/translation-form";
import { LanguageTabs } from "@/components/translations/language-tabs";
import { translationRows } from "@/components/translations/rows";
import styles from "@/components/translations/translation-form.module.css";
import { requirePermission } from "@/lib/auth/session";
import { localizedPath } from "@/lib/i18n/config";
import { Link } from "@/lib/i18n/navigation";
import { orNotFound } from "@/lib/not-found";
import { removeCallTranslationAction, saveCallTranslationAction, setCallLanguageAction } from "@/lib/translations/actions";
import { getCallTranslationForEditing } from "@/lib/translations/calls";
import { callTranslationFields } from "@/lib/translations/texts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Translations"))("callTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function CallTranslationsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("calls.manage", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/translations` });
  const t = await getTranslations("Translations");
  const pageLocale = await getLocale();
  const requested = (await searchParams).lang;
  const editing = await orNotFound(getCallTranslationForEditing(user, id, typeof requested === "string" ? requested : undefined));
  const { call: original, locale: lang, targets } = editing;
  const call = original;
  const name = (l: string) => languageName(l, pageLocale);
  const rows = await translationRows(callTranslationFields(original));
  return (
    <>
      <p>
        <Link href="/moderation">{(await getTranslations("CallEditor"))("back")}</Link>
      </p>
      <h1>{t("callTitle")}</h1>
      <p className="lead" lang={original.language}>
        {original.title}
      </p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="translations" />
      <p className="hint">{t("intro")}</p>
      <div className={styles.controls}>
        <OriginalLanguageForm action={setCallLanguageAction} idName="callId" id={call.id} language={call.language} />
        <LanguageTabs
          targets={targets}
          current={lang}
          translated={editing.translated}
          href={(l) => `/moderation/calls/${encodeURIComponent(call.id)}/translations?lang=${l}`}
        />
      </div>
      <h2>{name(lang)}</h2>
      {editing.updatedAt && (
        <p>
          <a href={localizedPath(`/calls/${original.slug}`, lang)} lang={lang}>
            {t("viewPublic", { language: name(lang) })}
          </a>
        </p>
      )}
      <TranslationForm
        key={lang}
        action={saveCallTranslationAction}
        hidden={{ callId: call.id, locale: lang }}
        rows={rows}
        values={editing.values}
        revision={editing.updatedAt?.getTime() ?? 0}
        from={original.language}
        to={lang}
        fromName={name(original.language)}
        toName={name(lang)}
      />
      {editing.updatedAt && (
        <RemoveTranslationForm action={removeCallTranslationAction} hidden={{ callId: call.id, locale: lang }} />
      )}
    </>
  );
}

export default withClientMessages(["EditConflict", "Translations"], CallTranslationsPage);
