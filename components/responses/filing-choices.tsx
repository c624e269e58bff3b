"use client";
// Two questions the response form asks only when they matter, each a required choice the server enforces
// (lib/responses/filing.ts): what happens to the files of a response published without the author's name,
// and, when the profile changed since the response was filed, which identity to file the edit under.
import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { ANONYMOUS_FILES_CHOICES, IDENTITY_CHOICES } from "@/lib/responses/schemas";
import { FiledIdentity, type IdentityView } from "./filed-identity";

type ChoiceProps = { error?: string; disabled?: boolean };

export function AnonymousFilesChoice({ error, disabled }: ChoiceProps) {
  const t = useTranslations("FilingChoices");
  const { register } = useFormContext();
  return (
    <fieldset
      className="field choice-group"
      id="anonymousFiles"
      tabIndex={-1}
      disabled={disabled}
      aria-describedby={["anonymousFiles-hint", error && "anonymousFiles-error"].filter(Boolean).join(" ")}
    >
      <legend>{t("filesLegend")}</legend>
      <p className="hint" id="anonymousFiles-hint">
        {t("filesHint")}
      </p>
      {ANONYMOUS_FILES_CHOICES.map((choice) => (
        <div className="choice" key={choice}>
          <input type="radio" id={`anonymousFiles-${choice}`} value={choice} {...register("anonymousFiles")} />
          <label htmlFor={`anonymousFiles-${choice}`}>{t(choice)}</label>
        </div>
      ))}
      {error && (
        <p className="field-error" id="anonymousFiles-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function IdentityChoice({
  filed,
  profile,
  error,
  disabled,
}: ChoiceProps & { filed: IdentityView; profile: IdentityView }) {
  const t = useTranslations("FilingChoices");
  const { register } = useFormContext();
  const shown = { asFiled: filed, profile };
  return (
    <fieldset
      className="field choice-group identity-choice"
      id="identity"
      tabIndex={-1}
      disabled={disabled}
      aria-describedby={["identity-hint", error && "identity-error"].filter(Boolean).join(" ")}
    >
      <legend>{t("identityLegend")}</legend>
      <p className="hint" id="identity-hint">
        {t("identityHint")}
      </p>
      {IDENTITY_CHOICES.map((choice) => (
        <div className="choice" key={choice}>
          <input
            type="radio"
            id={`identity-${choice}`}
            value={choice}
            aria-describedby={`identity-${choice}-details`}
            {...register("identity")}
          />
          <label htmlFor={`identity-${choice}`}>
            {t(choice)}
            <FiledIdentity identity={shown[choice]} id={`identity-${choice}-details`} />
          </label>
        </div>
      ))}
      {error && (
        <p className="field-error" id="identity-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
