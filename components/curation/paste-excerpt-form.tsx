"use client";
// The excerpt form that needs no selection and no JavaScript: choose the question, paste the exact words;
// the server saves their first occurrence in the answer or refuses (nothing saved).
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { CURATION_LIMITS, excerptPasteSchema } from "@/lib/curation/schemas";
import { TagCheckboxes } from "./tag-checkboxes";

type Props = {
  responseId: string;
  questions: { id: string; position: number; prompt: string }[];
  tags: { id: string; name: string }[];
  /** pasteExcerptAction (lib/curation/actions.ts). */
  action: FormAction;
};

export function PasteExcerptForm({ responseId, questions, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const given = { responseId, questionId: questions[0]?.id ?? "", quote: "", note: "" };
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: excerptPasteSchema,
    action,
    defaults: (typed) => ({ ...given, ...typed }),
    onSuccess: () => {
      form.reset(given);
      formRef.current?.reset();
    },
  });
  const { register } = form;
  const defaults = { ...given, ...refused?.values };
  const quoteError = fieldError("quote");
  const noteError = fieldError("note");
  // Kept open once used, so the answer (or the refusal) shows, also after a post without JavaScript.
  return (
    <details open={state ? true : undefined}>
      <summary>{t("pasteHeading")}</summary>
      <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
        <p className="hint">{t("pasteHelp")}</p>
        <input type="hidden" name="responseId" value={responseId} />
        <div className="field">
          <label htmlFor="paste-question">{t("question")}</label>
          <select id="paste-question" defaultValue={defaults.questionId} {...register("questionId")}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>{`${q.position}. ${q.prompt}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="paste-quote">{t("quote")}</label>
          <textarea
            id="paste-quote"
            rows={3}
            maxLength={CURATION_LIMITS.excerpt}
            defaultValue={defaults.quote}
            aria-invalid={quoteError ? true : undefined}
            aria-describedby={quoteError ? "paste-quote-error" : undefined}
            {...register("quote")}
          />
          {quoteError && (
            <p className="field-error" id="paste-quote-error">
              {quoteError}
            </p>
          )}
        </div>
        <TagCheckboxes tags={tags} legend={t("excerptTags")} idPrefix="paste-tag" />
        <div className="field">
          <label htmlFor="paste-note">{t("note")}</label>
          <textarea
            id="paste-note"
            rows={2}
            maxLength={CURATION_LIMITS.note}
            defaultValue={defaults.note}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? "paste-note-error" : undefined}
            {...register("note")}
          />
          {noteError && (
            <p className="field-error" id="paste-note-error">
              {noteError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={pending}>
            {t("saveSelection")}
          </button>
        </div>
        {state && (
          <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
            {state.ok ? t("excerptSaved") : state.message}
          </p>
        )}
      </form>
    </details>
  );
}
