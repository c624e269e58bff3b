"use client";
// The excerpt form that needs no selection and no JavaScript: choose the question, paste the exact words;
// the server saves their first occurrence in the answer or refuses (nothing saved).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { CURATION_LIMITS, excerptPasteSchema } from "@/lib/curation/schemas";
import { TagCheckboxes } from "./tag-checkboxes";
import { useCodingMessage } from "./use-coding-message";

type Values = { responseId: string; questionId: string; quote: string; note: string };
type Props = {
  responseId: string;
  questions: { id: string; position: number; prompt: string }[];
  tags: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

export function PasteExcerptForm({ responseId, questions, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const message = useCodingMessage();
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const typed = state && !state.ok ? state.values : undefined;
  const defaults: Values = { responseId, questionId: questions[0]?.id ?? "", quote: "", note: "", ...typed };
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(excerptPasteSchema) as never,
    defaultValues: defaults,
  });
  useEffect(() => {
    if (state?.ok) {
      reset({ ...defaults, quote: "", note: "" });
      formRef.current?.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const quoteError = message(errors.quote?.message ?? serverErrors?.quote?.[0]);
  const noteError = message(errors.note?.message ?? serverErrors?.note?.[0]);
  // Kept open once used, so the answer (or the refusal) shows, also after a post without JavaScript.
  return (
    <details open={state ? true : undefined}>
      <summary>{t("pasteHeading")}</summary>
      <form
        ref={formRef}
        action={formAction}
        noValidate
        className="form"
        onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
      >
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
            {state.ok ? t("excerptSaved") : message(state.message)}
          </p>
        )}
      </form>
    </details>
  );
}
