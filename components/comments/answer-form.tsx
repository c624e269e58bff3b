"use client";
// A moderator's answer to a comment with its disposition ("not incorporated" needs a reason, shown as a field
// error); the other moderation forms are every item's (components/moderation/moderation-forms.tsx). A plain
// form post that works without JavaScript; with it, checked first by the server's schema.
import { useTranslations } from "next-intl";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { answerInputSchema, COMMENT_LIMITS, DISPOSITIONS, type AnswerFormValues, type CommentTab } from "@/lib/comments/schemas";

type Current = { disposition: string | null; answer: string | null; dispositionReason: string | null; answeredAt: Date | null };
type Props = { action: FormAction; commentId: string; tab: CommentTab; itemLabel: string; current: Current };

export function AnswerForm({ action, commentId, tab, itemLabel, current }: Props) {
  const t = useTranslations("CommentModeration");
  const tDisposition = useTranslations("CommentDisposition");
  const initialOf = (typed: Record<string, string> | undefined) => ({
    disposition: (typed?.disposition ?? current.disposition ?? "") as AnswerFormValues["disposition"],
    answer: typed?.answer ?? current.answer ?? "",
    reason: typed?.reason ?? current.dispositionReason ?? "",
  });
  const { form, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: answerInputSchema,
    action,
    defaults: (typed) => ({ commentId, ...initialOf(typed) }),
  });
  const { register } = form;
  const initial = initialOf(refused?.values);
  const id = `answer-${commentId}`;
  const errors = { disposition: fieldError("disposition"), answer: fieldError("answer"), reason: fieldError("reason") };
  const described = (name: keyof typeof errors, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="tab" value={tab} />
      <RevisionField revision={current.answeredAt?.getTime() ?? 0} state={refused} />
      <TheirVersion
        fields={theirChanges(refused, [
          { name: "disposition", label: t("disposition") },
          { name: "answer", label: t("answer") },
          { name: "reason", label: t("reason") },
        ]).map((field) =>
          field.name === "disposition" && field.value
            ? { ...field, value: tDisposition(field.value as (typeof DISPOSITIONS)[number]) }
            : field,
        )}
      />
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
