"use client";
// Adds a tag to a call, or renames one: react-hook-form with the server's own schema, then the server action.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";
import { CURATION_LIMITS, tagInputSchema, tagUpdateSchema } from "@/lib/curation/schemas";
import { useCodingMessage } from "./use-coding-message";

type Values = { callId?: string; tagId?: string; name: string; description: string };
type Props = {
  action: (
    previous: ActionResult<{ name?: string } | null> | null,
    formData: FormData,
  ) => Promise<ActionResult<{ name?: string } | null>>;
  /** A new tag of this call, or an existing tag to rename. */
  target: { callId: string } | { tagId: string; name: string; description: string };
  idPrefix: string;
};

export function TagForm({ action, target, idPrefix }: Props) {
  const t = useTranslations("Coding");
  const message = useCodingMessage();
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const editing = "tagId" in target;
  const typed = state && !state.ok ? state.values : undefined;
  const defaults: Values = editing
    ? { tagId: target.tagId, name: target.name, description: target.description, ...typed }
    : { callId: target.callId, name: "", description: "", ...typed };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Values>({
    // The same schema the server parses with; the resolver's output type differs only by defaults.
    resolver: zodResolver(editing ? tagUpdateSchema : tagInputSchema) as never,
    defaultValues: defaults,
  });

  useEffect(() => {
    if (state?.ok && !editing) reset({ ...defaults, name: "", description: "" });
    for (const [name, codes] of Object.entries((state && !state.ok && state.fieldErrors) || {}))
      if (codes?.[0]) setError(name as keyof Values, { message: codes[0] });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);

  const id = (name: string) => `${idPrefix}-${name}`;
  const nameError = message(errors.name?.message);
  const descriptionError = message(errors.description?.message);
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className="form"
      onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
    >
      {/* Plain hidden fields (not registered): their values are in the HTML, for posts without JavaScript. */}
      {editing ? (
        <input type="hidden" name="tagId" value={target.tagId} />
      ) : (
        <input type="hidden" name="callId" value={target.callId} />
      )}
      <div className="field">
        <label htmlFor={id("name")}>{t("tagName")}</label>
        <p className="hint" id={id("name-hint")}>
          {t("tagNameHint", { min: CURATION_LIMITS.tagNameMin, max: CURATION_LIMITS.tagName })}
        </p>
        <input
          id={id("name")}
          type="text"
          maxLength={CURATION_LIMITS.tagName}
          defaultValue={defaults.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={[id("name-hint"), nameError && id("name-error")].filter(Boolean).join(" ")}
          {...register("name")}
        />
        {nameError && (
          <p className="field-error" id={id("name-error")}>
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={id("description")}>{t("tagDescription")}</label>
        <input
          id={id("description")}
          type="text"
          maxLength={CURATION_LIMITS.tagDescription}
          defaultValue={defaults.description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? id("description-error") : undefined}
          {...register("description")}
        />
        {descriptionError && (
          <p className="field-error" id={id("description-error")}>
            {descriptionError}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {editing ? t("save") : t("addTag")}
        </button>
      </div>
      {state && (
        <p className={`notice ${state.ok ? "ok" : "error"}`} role={state.ok ? "status" : "alert"}>
          {state.ok ? (editing ? t("tagSaved") : t("tagAdded", { name: state.data?.name ?? "" })) : message(state.message)}
        </p>
      )}
    </form>
  );
}
