"use client";
// The response form, generated from the call's questions and validated with the schema the server uses
// (buildSubmissionSchema). Drafts save themselves while the author types; without JavaScript the form
// still posts to the same server action, which validates everything again.
import { useLocale, useTranslations } from "next-intl";
import { startTransition, useActionState, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldValues } from "react-hook-form";
import { useSchemaResolver } from "@/components/forms/use-action-form";
import { AttachmentField } from "@/components/responses/attachment-field";
import { LanguageSelect } from "@/components/ui/language-select";
import { formatDate } from "@/lib/dates/format";
import type { Consent, ResponseStatus } from "@/lib/generated/prisma/enums";
import { responseFormAction, saveDraftAction } from "@/lib/responses/actions";
import { buildSubmissionSchema, CONSENT_CHOICES, restoredValues } from "@/lib/responses/schemas";
import type { IdentityView } from "./filed-identity";
import { AnonymousFilesChoice, IdentityChoice } from "./filing-choices";
import { QuestionField, type QuestionView } from "./question-field";
import { dropLocalCopy, readLocalCopy, useAutosave, type AutosaveState } from "./use-autosave";

type Props = {
  responseId: string;
  questions: QuestionView[];
  initialValues: Record<string, string | string[]>;
  /** Null until the author chooses: no tier is ever pre-selected. */
  consent: Consent | null;
  /** The language of the answers as stored (a new draft is made in the page's language). */
  language: string;
  /** When the server copy was last written (ISO), to compare with a copy kept in this browser. */
  updatedAt: string;
  status: ResponseStatus;
  /** The call accepts changes now (by the server's clock when the page was made). */
  open: boolean;
  /** Made once per page load on the server: a double click or a retried request makes one submission. */
  submitKey: string;
  attachments: { id: string; fileName: string; size: number; mediaType: string }[];
  /** For an anonymous response with files: kept private (true), published after confirmation (false), not asked (null). */
  attachmentsPrivate: boolean | null;
  /** Set when the response was filed under an identity other than the profile now: the edit asks which. */
  identities: { filed: IdentityView; profile: IdentityView } | null;
};

export function ResponseForm(props: Props) {
  const { responseId, questions, status, open, submitKey } = props;
  const t = useTranslations("ResponseForm");
  const tc = useTranslations("Consent");
  const tErrors = useTranslations("Errors");
  const locale = useLocale();
  const editable = open && status !== "WITHDRAWN";
  const [state, formAction, pending] = useActionState(responseFormAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [restored, setRestored] = useState(false);
  const schema = useMemo(() => buildSubmissionSchema(questions), [questions]);
  const kept = state && !state.ok ? state.values : undefined;
  const posted = useMemo(() => (kept ? restoredValues(questions, kept) : undefined), [questions, kept]);
  const initial = useMemo(
    () =>
      ({
        ...props.initialValues,
        consent: props.consent ?? "",
        language: props.language,
        anonymousFiles: props.attachmentsPrivate === null ? "" : props.attachmentsPrivate ? "keepPrivate" : "confirmNoName",
        identity: "",
        ...(posted ?? {}),
      }) as Record<string, string | string[]>,
    [props.initialValues, props.consent, props.language, props.attachmentsPrivate, posted],
  );
  const resolver = useSchemaResolver(schema);
  const form = useForm<FieldValues>({
    resolver,
    defaultValues: { ...initial, submitKey },
  });
  const { getValues, handleSubmit, setError, reset, formState } = form;
  const [fileCount, setFileCount] = useState(props.attachments.length);
  const askFiles = useWatch({ control: form.control, name: "consent" }) === "PUBLISH_ANONYMOUS" && fileCount > 0;

  const answersOnly = useCallback(() => {
    const values = { ...getValues() };
    delete values.submitKey;
    return values;
  }, [getValues]);
  const save = useCallback(
    async (values: Record<string, unknown>) => {
      const data = new FormData();
      data.set("responseId", responseId);
      data.set("values", JSON.stringify(values));
      const result = await saveDraftAction(null, data);
      return result.ok ? { ok: true as const, savedAt: result.data.savedAt } : { ok: false as const, message: result.message };
    },
    [responseId],
  );
  const autosave = useAutosave({
    responseId,
    save,
    getValues: answersOnly,
    serverEnabled: editable && status === "DRAFT",
    localEnabled: editable,
  });
  const { changed, saveNow, stop, resume } = autosave;

  // On return: a copy kept in this browser that is newer than the server's wins (and is saved).
  useEffect(() => {
    const local = readLocalCopy(responseId);
    if (!local) return;
    if (!editable || new Date(local.editedAt) <= new Date(props.updatedAt)) {
      dropLocalCopy(responseId);
      return;
    }
    reset({ ...getValues(), ...local.values, submitKey });
    // localStorage is outside React: the notice follows once the form holds the restored values.
    queueMicrotask(() => setRestored(true));
    changed();
    // Once, on load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // What the server refused, shown on the fields; autosave goes on.
  useEffect(() => {
    if (!state || state.ok) return;
    resume();
    for (const [name, messages] of Object.entries(state.fieldErrors ?? {})) {
      if (messages?.[0]) setError(name, { message: messages[0] });
    }
  }, [state, setError, resume]);

  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errorOf = (name: string) => (formState.errors[name]?.message as string | undefined) ?? serverErrors?.[name]?.[0];

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "draft") {
      event.preventDefault();
      void saveNow();
      return;
    }
    void handleSubmit(
      (values) => {
        // The two choices the schema cannot know are required (the server refuses them too).
        const missing = [
          askFiles && !values.anonymousFiles && (["anonymousFiles", "chooseAnonymousFiles"] as const),
          props.identities && !values.identity && (["identity", "chooseIdentity"] as const),
        ].filter((entry) => entry !== false && entry !== null);
        if (missing.length) {
          for (const [name, code] of missing) setError(name, { message: tErrors(code) });
          document.getElementById(missing[0]![0])?.focus();
          return;
        }
        stop();
        const data = new FormData(formRef.current!);
        data.set("intent", "submit");
        startTransition(() => formAction(data));
      },
      (errors) => {
        const first = Object.keys(errors)[0];
        // The consent question is a group of radios: focus its first option.
        if (first) document.getElementById(first === "consent" ? `consent-${CONSENT_CHOICES[0]}` : first)?.focus?.();
      },
    )(event);
  };

  const consentError = errorOf("consent");
  const hasFieldErrors = Object.keys(formState.errors).length > 0;
  return (
    <FormProvider {...form}>
      <form ref={formRef} className="form response-form" action={formAction} noValidate onSubmit={onSubmit} onChange={changed}>
        <input type="hidden" name="responseId" value={responseId} />
        <input type="hidden" name="submitKey" value={submitKey} />
        {editable && (
          <noscript>
            <p className="notice">{t("noScript")}</p>
          </noscript>
        )}
        {restored && (
          <p className="notice" role="status">
            {t("restoredLocal")}
          </p>
        )}
        {state && !state.ok && (
          <p className="notice error" role="alert">
            {state.fieldErrors && Object.keys(state.fieldErrors).length ? t("fixErrors") : state.message}
          </p>
        )}
        {state?.ok && state.data && (
          <p className="notice ok" role="status">
            {t("draftSaved")}
          </p>
        )}
        {hasFieldErrors && !state && (
          <p className="notice error" role="alert">
            {t("fixErrors")}
          </p>
        )}
        <fieldset className="plain-fieldset" disabled={!editable}>
          <legend className="visually-hidden">{t("questions")}</legend>
          {questions.map((question) => (
            <QuestionField
              key={question.id}
              question={question}
              initial={initial[`q_${question.id}`] ?? ""}
              error={errorOf(`q_${question.id}`)}
              disabled={!editable}
            />
          ))}
          {/* After the answers: the first question stays in view on a phone (it defaults to the page's). */}
          <LanguageSelect
            id="language"
            label={t("language")}
            defaultValue={initial.language as string}
            error={errorOf("language")}
            {...form.register("language")}
          />
          <fieldset
            className="field choice-group consent-group"
            aria-describedby={["consent-hint", consentError && "consent-error"].filter(Boolean).join(" ")}
          >
            <legend>{tc("legend")}</legend>
            <p className="hint" id="consent-hint">
              {tc("hint")}
            </p>
            {CONSENT_CHOICES.map((choice) => (
              <div className="choice" key={choice}>
                <input
                  type="radio"
                  id={`consent-${choice}`}
                  value={choice}
                  defaultChecked={initial.consent === choice}
                  aria-describedby={`consent-${choice}-hint`}
                  {...form.register("consent")}
                />
                <label htmlFor={`consent-${choice}`}>
                  {tc(choice)}
                  <span className="hint choice-hint" id={`consent-${choice}-hint`}>
                    {tc(`${choice}_hint`)}
                  </span>
                </label>
              </div>
            ))}
            {consentError && (
              <p className="field-error" id="consent-error">
                {consentError}
              </p>
            )}
          </fieldset>
        </fieldset>
        <section className="attachments-section" aria-labelledby="attachments-heading">
          <h2 id="attachments-heading">{t("attachments")}</h2>
          <AttachmentField
            responseId={responseId}
            initial={props.attachments}
            disabled={!editable}
            onCountChange={setFileCount}
          />
          {askFiles && <AnonymousFilesChoice error={errorOf("anonymousFiles")} disabled={!editable} />}
        </section>
        {props.identities && editable && (
          <IdentityChoice filed={props.identities.filed} profile={props.identities.profile} error={errorOf("identity")} />
        )}
        {editable && (
          <div className="form-actions">
            <button type="submit" name="intent" value="submit" className="button" disabled={pending}>
              {pending ? t("submitting") : status === "SUBMITTED" ? t("resubmit") : t("submit")}
            </button>
            {status === "DRAFT" && (
              <button type="submit" name="intent" value="draft" className="button secondary" disabled={pending}>
                {t("saveDraft")}
              </button>
            )}
          </div>
        )}
        <AutosaveStatus state={autosave.state} locale={locale} />
      </form>
    </FormProvider>
  );
}

function AutosaveStatus({ state, locale }: { state: AutosaveState; locale: string }) {
  const t = useTranslations("ResponseForm");
  let text = "";
  if (state.kind === "saving") text = t("saving");
  else if (state.kind === "saved")
    text = t("savedAt", {
      // The reader's own clock, its zone named: "Draft saved at 14:02 CET".
      time: formatDate(state.at, { locale, style: "time" }),
    });
  else if (state.kind === "offline") text = t("savedLocally");
  else if (state.kind === "refused") text = t("notSaved", { message: state.message });
  else if (state.kind === "local") text = t("editKeptLocally");
  return (
    <p
      className={`autosave-status${state.kind === "offline" || state.kind === "refused" ? " warn" : ""}`}
      aria-live="polite"
      role="status"
    >
      {text}
    </p>
  );
}
