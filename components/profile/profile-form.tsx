"use client";

import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { LOCALE_NAMES, locales } from "@/lib/i18n/config";
import { saveProfileAction } from "@/lib/profile/actions";
import {
  PROFILE_LIMITS,
  profileInputSchema,
  STAKEHOLDER_GROUPS,
  UN_REGIONS,
  type ProfileFormValues,
} from "@/lib/profile/schemas";

type Props = {
  defaults: Record<keyof ProfileFormValues, string>;
  countries: { code: string; name: string }[];
  callbackUrl: string;
};

export function ProfileForm({ defaults, countries, callbackUrl }: Props) {
  const t = useTranslations("Profile");
  const tGroup = useTranslations("StakeholderGroup");
  const tRegion = useTranslations("UnRegion");
  // What the fields show: the saved profile, or what was just sent when the server refused it.
  const { form, state, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: profileInputSchema,
    action: saveProfileAction,
    // An unchosen select holds "", which the schema refuses with a clear message.
    defaults: (typed) => ({ ...defaults, ...typed }) as ProfileFormValues,
  });
  const { register } = form;
  const initial: Record<string, string> = { ...defaults, ...(state && !state.ok ? state.values : {}) };
  const errorOf = (name: keyof ProfileFormValues) => fieldError(name);

  const field = (name: keyof ProfileFormValues, label: string, control: React.ReactNode, hint?: string) => {
    const error = errorOf(name);
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        {control}
        {error && (
          <p className="field-error" id={`${name}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };
  const a11y = (name: keyof ProfileFormValues, hasHint = false) => {
    const error = errorOf(name);
    const describedBy = [hasHint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
    return {
      id: name,
      // Rendered into the HTML too, so the form keeps its values without JavaScript.
      defaultValue: initial[name],
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy || undefined,
    };
  };

  return (
    <form ref={formRef} className="form" action={formAction} noValidate onSubmit={onSubmit}>
      {state && (
        <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
          {state.ok ? t("saved") : state.fieldErrors ? t("fixErrors") : state.message}
        </p>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {field(
        "displayName",
        t("displayName"),
        <input
          type="text"
          autoComplete="name"
          maxLength={PROFILE_LIMITS.displayName}
          {...a11y("displayName", true)}
          {...register("displayName")}
        />,
        t("displayNameHint"),
      )}
      {field(
        "stakeholderGroup",
        t("stakeholderGroup"),
        <select {...a11y("stakeholderGroup", true)} {...register("stakeholderGroup")}>
          <option value="">{t("chooseOne")}</option>
          {STAKEHOLDER_GROUPS.map((group) => (
            <option key={group} value={group}>
              {tGroup(group)}
            </option>
          ))}
        </select>,
        t("stakeholderGroupHint"),
      )}
      {field(
        "region",
        t("region"),
        <select {...a11y("region")} {...register("region")}>
          <option value="">{t("chooseOne")}</option>
          {UN_REGIONS.map((region) => (
            <option key={region} value={region}>
              {tRegion(region)}
            </option>
          ))}
        </select>,
      )}
      {field(
        "country",
        t("country"),
        <select autoComplete="country" {...a11y("country")} {...register("country")}>
          <option value="">{t("chooseOne")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "organisation",
        t("organisation"),
        <input
          type="text"
          autoComplete="organization"
          maxLength={PROFILE_LIMITS.organisation}
          {...a11y("organisation")}
          {...register("organisation")}
        />,
      )}
      {field(
        "onBehalfOf",
        t("onBehalfOf"),
        <input type="text" maxLength={PROFILE_LIMITS.onBehalfOf} {...a11y("onBehalfOf", true)} {...register("onBehalfOf")} />,
        t("onBehalfOfHint"),
      )}
      {field(
        "locale",
        t("language"),
        <select {...a11y("locale", true)} {...register("locale")}>
          {/* Each language named in itself, and marked as written in it. */}
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>,
        t("languageHint"),
      )}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
