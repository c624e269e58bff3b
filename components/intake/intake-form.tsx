"use client";
// Recording one contribution received outside the form (lib/intake): how and when it came, who sent it (a
// person, or a session with its speakers per group), the consent as they stated it (never pre-selected), and
// the answers, none required. Checked in the browser by the same schema the server uses; a plain form post
// without JavaScript. With JavaScript, the speakers' fields show only for a session.
import { useTranslations } from "next-intl";
import { FormProvider, useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { QuestionField, type QuestionView } from "@/components/responses/question-field";
import { LanguageSelect } from "@/components/ui/language-select";
import type { FormAction } from "@/lib/actions";
import { INTAKE_CHANNELS, INTAKE_LIMITS, buildIntakeFormSchema, speakersKey } from "@/lib/intake/schemas";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { CONSENT_CHOICES, restoredValues } from "@/lib/responses/schemas";

type Props = {
  callId: string;
  submitKey: string;
  questions: QuestionView[];
  /** Today in the call's time zone (YYYY-MM-DD): the default and the latest day received. */
  today: string;
  language: string;
  countries: { code: string; name: string }[];
  action: FormAction<null>;
};

export function IntakeForm({ callId, submitKey, questions, today, language, countries, action }: Props) {
  const t = useTranslations("Intake");
  const tChannel = useTranslations("Channel");
  const tGroup = useTranslations("StakeholderGroup");
  const tRegion = useTranslations("UnRegion");
  const tConsent = useTranslations("CodingConsent");
  const schema = buildIntakeFormSchema(questions);
  // Every question's empty answer (a list for multiple choice), so an untouched question is "not answered".
  const empty = Object.fromEntries(questions.map((q) => [`q_${q.id}`, q.type === "MULTIPLE_CHOICE" ? [] : ""]));
  const blank = { callId, submitKey, channel: "", receivedOn: today, language, consent: "", ...empty };
  const { form, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema,
    action,
    defaults: (typed) => ({ ...blank, ...(typed ? restoredValues(questions, typed) : {}), callId, submitKey }) as never,
  });
  const initial: Record<string, string | string[]> = {
    ...blank,
    ...(refused?.values ? restoredValues(questions, refused.values) : {}),
  };
  const value = (name: string) => (typeof initial[name] === "string" ? (initial[name] as string) : "");
  const channel = useWatch({ control: form.control, name: "channel" as never }) as unknown as string | undefined;
  // Shown until a channel is chosen (and so always without JavaScript), then for a session only.
  const chosen = channel ?? value("channel");
  const showSpeakers = !chosen || chosen === "SESSION";
  const a11y = (name: string, hint = false) => {
    const error = fieldError(name);
    const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(" ");
    return {
      id: name,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy || undefined,
      defaultValue: value(name),
    };
  };
  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {control}
      {fieldError(name) && (
        <p className="field-error" id={`${name}-error`}>
          {fieldError(name)}
        </p>
      )}
    </div>
  );
  const register = (name: string) => form.register(name as never);
  const consentError = fieldError("consent");
  const speakersError = fieldError(speakersKey(STAKEHOLDER_GROUPS[0]!));
  const notice = refused ? (refused.fieldErrors ? t("fixErrors") : refused.message) : null;

  return (
    <FormProvider {...form}>
      <form ref={formRef} className="form intake-form" action={formAction} onSubmit={onSubmit} noValidate>
        {notice && (
          <p className="notice error" role="alert">
            {notice}
          </p>
        )}
        <input type="hidden" name="callId" value={callId} />
        <input type="hidden" name="submitKey" value={submitKey} />
        <fieldset className="field-group">
          <legend>{t("howLegend")}</legend>
          {field(
            "channel",
            t("channel"),
            <select required {...a11y("channel")} {...register("channel")}>
              <option value="">{t("choose")}</option>
              {INTAKE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {tChannel(c)}
                </option>
              ))}
            </select>,
          )}
          {field(
            "receivedOn",
            t("receivedOn"),
            <input type="date" required max={today} {...a11y("receivedOn", true)} {...register("receivedOn")} />,
            t("receivedOnHint"),
          )}
        </fieldset>

        <fieldset className="field-group">
          <legend>{t("whoLegend")}</legend>
          {field(
            "contributorName",
            t("contributorName"),
            <input
              type="text"
              required
              maxLength={INTAKE_LIMITS.contributorName}
              {...a11y("contributorName", true)}
              {...register("contributorName")}
            />,
            t("contributorNameHint"),
          )}
          {field(
            "email",
            t("email"),
            <input
              type="email"
              autoComplete="off"
              dir="ltr"
              maxLength={INTAKE_LIMITS.email}
              {...a11y("email", true)}
              {...register("email")}
            />,
            t("emailHint"),
          )}
          {field(
            "organisation",
            t("organisation"),
            <input type="text" maxLength={INTAKE_LIMITS.organisation} {...a11y("organisation")} {...register("organisation")} />,
          )}
          {field(
            "onBehalfOf",
            t("onBehalfOf"),
            <input type="text" maxLength={INTAKE_LIMITS.onBehalfOf} {...a11y("onBehalfOf")} {...register("onBehalfOf")} />,
          )}
          {field(
            "stakeholderGroup",
            t("stakeholderGroup"),
            <select {...a11y("stakeholderGroup", true)} {...register("stakeholderGroup")}>
              <option value="">{t("choose")}</option>
              {STAKEHOLDER_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {tGroup(g)}
                </option>
              ))}
            </select>,
            t("personOnlyHint"),
          )}
          {field(
            "region",
            t("region"),
            <select {...a11y("region")} {...register("region")}>
              <option value="">{t("choose")}</option>
              {UN_REGIONS.map((r) => (
                <option key={r} value={r}>
                  {tRegion(r)}
                </option>
              ))}
            </select>,
          )}
          {field(
            "country",
            t("country"),
            <select {...a11y("country")} {...register("country")}>
              <option value="">{t("noCountry")}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>,
          )}
          <fieldset className="field speakers" hidden={!showSpeakers} aria-describedby="speakers-hint">
            <legend>{t("speakers")}</legend>
            <p className="hint" id="speakers-hint">
              {t("speakersHint")}
            </p>
            <div className="speaker-counts">
              {STAKEHOLDER_GROUPS.map((g) => (
                <div className="field" key={g}>
                  <label htmlFor={speakersKey(g)}>{tGroup(g)}</label>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={INTAKE_LIMITS.speakersPerGroup}
                    {...a11y(speakersKey(g))}
                    {...register(speakersKey(g))}
                  />
                </div>
              ))}
            </div>
            {speakersError && (
              <p className="field-error" id={`${speakersKey(STAKEHOLDER_GROUPS[0]!)}-error`}>
                {speakersError}
              </p>
            )}
          </fieldset>
          <fieldset
            className="field choice-group consent-group"
            aria-describedby={["consent-hint", consentError && "consent-error"].filter(Boolean).join(" ")}
          >
            <legend>{t("consent")}</legend>
            <p className="hint" id="consent-hint">
              {t("consentHint")}
            </p>
            {CONSENT_CHOICES.map((choice) => (
              <div className="choice" key={choice}>
                <input
                  type="radio"
                  id={`consent-${choice}`}
                  value={choice}
                  defaultChecked={value("consent") === choice}
                  {...register("consent")}
                />
                <label htmlFor={`consent-${choice}`}>{tConsent(choice)}</label>
              </div>
            ))}
            {consentError && (
              <p className="field-error" id="consent-error">
                {consentError}
              </p>
            )}
          </fieldset>
        </fieldset>

        <fieldset className="field-group">
          <legend>{t("answersLegend")}</legend>
          <p className="hint">{t("answersHint")}</p>
          {questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              initial={initial[`q_${question.id}`] ?? (question.type === "MULTIPLE_CHOICE" ? [] : "")}
              error={fieldError(`q_${question.id}`)}
              disabled={false}
            />
          ))}
          <LanguageSelect
            id="language"
            label={t("language")}
            defaultValue={value("language")}
            error={fieldError("language")}
            {...register("language")}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {t("record")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
