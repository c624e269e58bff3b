"use client";
// Changes an excerpt's tags and note (its quote never changes).
import { useTranslations } from "next-intl";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { CURATION_LIMITS, excerptUpdateSchema } from "@/lib/curation/schemas";
import { TagCheckboxes } from "./tag-checkboxes";

type Props = {
  excerpt: { id: string; note: string; tagIds: string[]; revision: number };
  tags: { id: string; name: string }[];
  /** updateExcerptAction (lib/curation/actions.ts). */
  action: FormAction<{ revision: number }>;
};

export function EditExcerptForm({ excerpt, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: excerptUpdateSchema,
    action,
    defaults: (typed) => ({ excerptId: excerpt.id, note: typed?.note ?? excerpt.note }),
  });
  const { register } = form;
  const id = `excerpt-${excerpt.id}-note`;
  const noteError = fieldError("note");
  return (
    <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
      <input type="hidden" name="excerptId" value={excerpt.id} />
      <RevisionField revision={excerpt.revision} state={state} />
      <TheirVersion
        fields={theirChanges(refused, [
          { name: "note", label: t("note") },
          { name: "tags", label: t("excerptTags") },
        ])}
      />
      <TagCheckboxes tags={tags} legend={t("excerptTags")} idPrefix={`excerpt-${excerpt.id}-tag`} checked={excerpt.tagIds} />
      <div className="field">
        <label htmlFor={id}>{t("note")}</label>
        <textarea
          id={id}
          rows={2}
          maxLength={CURATION_LIMITS.note}
          defaultValue={refused?.values?.note ?? excerpt.note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${id}-error` : undefined}
          {...register("note")}
        />
        {noteError && (
          <p className="field-error" id={`${id}-error`}>
            {noteError}
          </p>
        )}
      </div>
      <button type="submit" className="button secondary" disabled={pending}>
        {t("editExcerpt")}
      </button>
      {state && (
        <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
          {state.ok ? t("excerptUpdated") : state.message}
        </p>
      )}
    </form>
  );
}
