"use client";
// The language an original is written in, and the removal of a translation: two small plain forms.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { LanguageSelect } from "@/components/ui/language-select";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { FormAction } from "@/lib/actions";

export function OriginalLanguageForm<T>({
  action,
  idName,
  id,
  language,
}: {
  action: FormAction<T>;
  idName: string;
  id: string;
  language: string;
}) {
  const t = useTranslations("Translations");
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? state.fieldErrors?.language?.[0] : undefined;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name={idName} value={id} />
      <LanguageSelect
        id="original-language"
        name="language"
        label={t("originalLanguage")}
        defaultValue={language}
        error={error}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {t("saveLanguage")}
      </button>
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok && !error ? "field-error" : "hint"}>
        {state ? (state.ok ? state.message : error ? "" : refusalMessage(state)) : ""}
      </span>
    </form>
  );
}

export function RemoveTranslationForm<T>({ action, hidden }: { action: FormAction<T>; hidden: Record<string, string> }) {
  const t = useTranslations("Translations");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button secondary" disabled={pending}>
        {t("remove")}
      </button>{" "}
      <span role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : "hint"}>
        {state ? (state.ok ? state.message : refusalMessage(state)) : ""}
      </span>
    </form>
  );
}
