"use client";
// A comment or a reply: the text (with a character counter) and "comment anonymously". Checked in the
// browser by the schema the server uses; a plain form post without JavaScript. A refusal keeps what was
// typed and says why; the same form sent twice makes one comment (its submit key).
import { useLocale, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { LanguageSelect } from "@/components/ui/language-select";
import { postCommentAction } from "@/lib/comments/actions";
import { COMMENT_LIMITS, commentInputSchema, type CommentFormValues } from "@/lib/comments/schemas";

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
  // The page's language first; the author may say the comment is in another.
  const locale = useLocale();
  const { form, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: commentInputSchema,
    action: postCommentAction,
    defaults: (typed) => ({
      versionId,
      paragraphId: paragraphId ?? "",
      parentId: parentId ?? "",
      submitKey,
      body: typed?.body ?? "",
      anonymous: typed?.anonymous === "on",
      language: (typed?.language ?? locale) as CommentFormValues["language"],
    }),
  });
  const { register, control } = form;
  const bodyError = fieldError("body");
  const languageError = fieldError("language");
  // A refusal the fields do not explain: the period, the limits, or a hidden field (an outdated form).
  const formError =
    refused && !refused.fieldErrors?.body?.length && !refused.fieldErrors?.language?.length
      ? (Object.values(refused.fieldErrors ?? {}).flat()[0] ?? refused.message)
      : undefined;
  const length = (useWatch({ control, name: "body" }) ?? "").length;
  const id = `${idPrefix}-body`;
  return (
    <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
      {formError && (
        <p className="notice error" role="alert">
          {formError}
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
      <LanguageSelect
        id={`${idPrefix}-language`}
        label={t("language")}
        defaultValue={refused?.values?.language ?? locale}
        error={languageError}
        {...register("language")}
      />
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
