"use client";
// Changes an excerpt's tags and note (its quote never changes).
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { CURATION_LIMITS, excerptUpdateSchema } from "@/lib/curation/schemas";
import { TagCheckboxes } from "./tag-checkboxes";
import { useCodingMessage } from "./use-coding-message";

type Props = {
  excerpt: { id: string; note: string; tagIds: string[] };
  tags: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

export function EditExcerptForm({ excerpt, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const message = useCodingMessage();
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ excerptId: string; note: string }>({
    resolver: zodResolver(excerptUpdateSchema) as never,
    defaultValues: { excerptId: excerpt.id, note: excerpt.note },
  });
  const id = `excerpt-${excerpt.id}-note`;
  const noteError = message(errors.note?.message);
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      <input type="hidden" name="excerptId" value={excerpt.id} />
      <TagCheckboxes tags={tags} legend={t("excerptTags")} idPrefix={`excerpt-${excerpt.id}-tag`} checked={excerpt.tagIds} />
      <div className="field">
        <label htmlFor={id}>{t("note")}</label>
        <textarea
          id={id}
          rows={2}
          maxLength={CURATION_LIMITS.note}
          defaultValue={excerpt.note}
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
          {state.ok ? t("excerptUpdated") : message(state.message)}
        </p>
      )}
    </form>
  );
}
