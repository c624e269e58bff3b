"use client";
// A comment or a reply: the text (with a character counter) and "comment anonymously". Checked in the
// browser by the schema the server uses; a plain form post without JavaScript. A refusal keeps what was
// typed and says why; the same form sent twice makes one comment (its submit key).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { postCommentAction } from "@/app/(public)/messages/[slug]/discuss/[target]/actions";
import { fieldMessage } from "@/components/ui/field-message";
import { COMMENT_LIMITS, commentInputSchema, type CommentFormValues, type CommentInput } from "@/lib/comments/schemas";

type Props = {
  versionId: string;
  paragraphId: string | null;
  parentId?: string;
  submitKey: string;
  slug: string;
  target: string;
  /** Unique on the page: ids of the fields. */
  idPrefix: string;
  label: string;
  submitLabel: string;
};

export function CommentForm({ versionId, paragraphId, parentId, submitKey, slug, target, idPrefix, label, submitLabel }: Props) {
  const t = useTranslations("CommentForm");
  const tcv = useTranslations("CommentValidation");
  const tv = useTranslations("Validation");
  const [state, formAction, pending] = useActionState(postCommentAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const refused = state && !state.ok ? state : undefined;
  const { register, handleSubmit, formState, control } = useForm<CommentFormValues, unknown, CommentInput>({
    resolver: zodResolver(commentInputSchema),
    defaultValues: {
      versionId,
      paragraphId: paragraphId ?? "",
      parentId: parentId ?? "",
      submitKey,
      body: refused?.values?.body ?? "",
      anonymous: refused?.values?.anonymous === "on",
    },
  });
  const field = (code: string | undefined) =>
    code && tcv.has(code.split("|")[0]!) ? fieldMessage(tcv, code) : fieldMessage(tv, code);
  const bodyError = field(formState.errors.body?.message ?? refused?.fieldErrors?.body?.[0]);
  const length = (useWatch({ control, name: "body" }) ?? "").length;
  const id = `${idPrefix}-body`;
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      {refused && !refused.fieldErrors?.body && (
        <p className="notice error" role="alert">
          {refused.message}
        </p>
      )}
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="paragraphId" value={paragraphId ?? ""} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <input type="hidden" name="submitKey" value={submitKey} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="target" value={target} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("hint", { max: COMMENT_LIMITS.body })}
        </p>
        <textarea
          id={id}
          rows={parentId ? 3 : 5}
          maxLength={COMMENT_LIMITS.body}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${id}-hint ${id}-count${bodyError ? ` ${id}-error` : ""}`}
          defaultValue={refused?.values?.body ?? ""}
          {...register("body")}
        />
        <p className="hint char-count" id={`${id}-count`} aria-live="off">
          {t("count", { count: length, max: COMMENT_LIMITS.body })}
        </p>
        {bodyError && (
          <p className="field-error" id={`${id}-error`}>
            {bodyError}
          </p>
        )}
      </div>
      <div className="field checkbox-field">
        <input
          type="checkbox"
          id={`${idPrefix}-anonymous`}
          defaultChecked={refused?.values?.anonymous === "on"}
          {...register("anonymous")}
        />
        <label htmlFor={`${idPrefix}-anonymous`}>{t("anonymous")}</label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
