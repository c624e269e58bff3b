"use client";
// A moderator's answer to a comment with its disposition ("not incorporated" needs a reason, shown as a field
// error); the other moderation forms are every item's (components/moderation/moderation-forms.tsx). A plain
// form post that works without JavaScript; with it, checked first by the server's schema.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import { fieldMessage } from "@/components/ui/field-message";
import type { ActionResult } from "@/lib/actions";
import {
  answerInputSchema,
  COMMENT_LIMITS,
  DISPOSITIONS,
  type AnswerFormValues,
  type AnswerInput,
  type CommentTab,
} from "@/lib/comments/schemas";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Current = { disposition: string | null; answer: string | null; dispositionReason: string | null };
type Props = { action: Action; commentId: string; tab: CommentTab; itemLabel: string; current: Current };

export function AnswerForm({ action, commentId, tab, itemLabel, current }: Props) {
  const t = useTranslations("CommentModeration");
  const tDisposition = useTranslations("CommentDisposition");
  const tcv = useTranslations("CommentValidation");
  const tv = useTranslations("Validation");
  const field = (code: string | undefined) =>
    code && tcv.has(code.split("|")[0]!) ? fieldMessage(tcv, code) : fieldMessage(tv, code);
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const refused = state && !state.ok ? state : undefined;
  const initial = {
    disposition: (refused?.values?.disposition ?? current.disposition ?? "") as AnswerFormValues["disposition"],
    answer: refused?.values?.answer ?? current.answer ?? "",
    reason: refused?.values?.reason ?? current.dispositionReason ?? "",
  };
  const { register, handleSubmit, formState } = useForm<AnswerFormValues, unknown, AnswerInput>({
    resolver: zodResolver(answerInputSchema),
    defaultValues: { commentId, ...initial },
  });
  const id = `answer-${commentId}`;
  const errors = {
    disposition: field(formState.errors.disposition?.message ?? refused?.fieldErrors?.disposition?.[0]),
    answer: field(formState.errors.answer?.message ?? refused?.fieldErrors?.answer?.[0]),
    reason: field(formState.errors.reason?.message ?? refused?.fieldErrors?.reason?.[0]),
  };
  const described = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="tab" value={tab} />
      {refused && !Object.values(refused.fieldErrors ?? {}).some(Boolean) && (
        <p role="alert" className="notice error">
          {refused.message}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-disposition`}>
          {t("disposition")}
          <span className="visually-hidden"> {itemLabel}</span>
        </label>
        <select
          id={`${id}-disposition`}
          aria-invalid={errors.disposition ? true : undefined}
          aria-describedby={described("disposition")}
          defaultValue={initial.disposition}
          {...register("disposition")}
        >
          <option value="">{t("chooseDisposition")}</option>
          {DISPOSITIONS.map((value) => (
            <option key={value} value={value}>
              {tDisposition(value)}
            </option>
          ))}
        </select>
        {errors.disposition && (
          <p className="field-error" id={`${id}-disposition-error`}>
            {errors.disposition}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-answer`}>
          {t("answer")}
          <span className="visually-hidden"> {itemLabel}</span>
        </label>
        <textarea
          id={`${id}-answer`}
          rows={3}
          maxLength={COMMENT_LIMITS.answer}
          aria-invalid={errors.answer ? true : undefined}
          aria-describedby={described("answer")}
          defaultValue={initial.answer}
          {...register("answer")}
        />
        {errors.answer && (
          <p className="field-error" id={`${id}-answer-error`}>
            {errors.answer}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t("reason")}
          <span className="visually-hidden"> {itemLabel}</span>
        </label>
        <p className="hint" id={`${id}-reason-hint`}>
          {t("reasonHint")}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={COMMENT_LIMITS.reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={described("reason", `${id}-reason-hint`)}
          defaultValue={initial.reason}
          {...register("reason")}
        />
        {errors.reason && (
          <p className="field-error" id={`${id}-reason-error`}>
            {errors.reason}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("saveAnswer")}
        <span className="visually-hidden"> {itemLabel}</span>
      </button>
    </form>
  );
}
