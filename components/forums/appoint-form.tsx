"use client";
// Appointing someone to a forum by email address: their part, and the language of the invitation a person
// without an account gets. A plain form posted to appointAction; it works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { EditorField, fieldA11y } from "@/components/calls/editor-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { appointAction } from "@/lib/forums/actions";
import { FORUM_LIMITS, FORUM_ROLES, appointInputSchema, type AppointFormValues } from "@/lib/forums/schemas";
import { LOCALE_NAMES, locales } from "@/lib/i18n/config";

export function AppointForm({ forumId }: { forumId: string }) {
  const t = useTranslations("Forums");
  const pageLocale = useLocale();
  const empty = { forumId, email: "", role: "FACILITATOR", locale: pageLocale } as AppointFormValues;
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: appointInputSchema,
    action: appointAction,
    defaults: (typed) => ({ ...empty, ...typed, forumId }) as AppointFormValues,
    // Done: the form is empty again for the next person (the language and part stay as chosen).
    onSuccess: () => form.resetField("email", { defaultValue: "" }),
  });
  const { register } = form;
  const initial: Record<string, string> = { ...(empty as Record<string, string>), ...refused?.values };
  const control = (name: "email" | "role" | "locale", hint = false) => ({
    ...fieldA11y(`appoint-${name}`, { hint, error: fieldError(name) }),
    defaultValue: initial[name],
    ...register(name),
  });
  const notice = !state ? null : state.ok ? state.message : state.fieldErrors ? t("fixErrors") : state.message;

  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate>
      {notice && (
        <p className={`notice ${state?.ok ? "ok" : "error"}`} role={state?.ok ? "status" : "alert"}>
          {notice}
        </p>
      )}
      <input type="hidden" name="forumId" value={forumId} />
      <EditorField name="appoint-email" label={t("email")} error={fieldError("email")}>
        <input type="email" required autoComplete="off" dir="ltr" maxLength={FORUM_LIMITS.email} {...control("email")} />
      </EditorField>
      <EditorField name="appoint-role" label={t("part")} error={fieldError("role")}>
        <select required {...control("role")}>
          {FORUM_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField name="appoint-locale" label={t("language")} hint={t("languageHint")} error={fieldError("locale")}>
        <select {...control("locale", true)}>
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
      </EditorField>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {t("appoint")}
        </button>
      </div>
    </form>
  );
}
