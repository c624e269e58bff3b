"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { saveProfileAction } from "@/app/(stakeholder)/profile/actions";
import { fieldMessage } from "@/components/ui/field-message";
import {
  PROFILE_LIMITS,
  profileInputSchema,
  STAKEHOLDER_GROUPS,
  UN_REGIONS,
  type ProfileFormValues,
  type ProfileInput,
} from "@/lib/profile/schemas";

type Props = {
  defaults: Record<keyof ProfileFormValues, string>;
  countries: { code: string; name: string }[];
  callbackUrl: string;
};

export function ProfileForm({ defaults, countries, callbackUrl }: Props) {
  const t = useTranslations("Profile");
  const tv = useTranslations("Validation");
  const tGroup = useTranslations("StakeholderGroup");
  const tRegion = useTranslations("UnRegion");
  const [state, formAction, pending] = useActionState(saveProfileAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  // What the fields show: the saved profile, or what was just sent when the server refused it.
  const initial: Record<string, string> = { ...defaults, ...(state && !state.ok ? state.values : {}) };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ProfileFormValues, unknown, ProfileInput>({
    resolver: zodResolver(profileInputSchema),
    // An unchosen select holds "", which the schema refuses with a clear message.
    defaultValues: initial as ProfileFormValues,
  });

  // The server re-validates with the same schema; show what it refused on the fields.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) {
      for (const [name, messages] of Object.entries(state.fieldErrors)) {
        if (messages?.[0]) setError(name as keyof ProfileFormValues, { message: messages[0] });
      }
    }
  }, [state, setError]);

  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errorOf = (name: keyof ProfileFormValues) => fieldMessage(tv, errors[name]?.message ?? serverErrors?.[name]?.[0]);

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
    <form
      ref={formRef}
      className="form"
      action={formAction}
      noValidate
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
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
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("submit")}
        </button>
      </div>
    </form>
  );
}
