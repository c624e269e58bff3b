"use client";
// Adds a tag to a call, or renames one: react-hook-form with the server's own schema, then the server action.
import { useTranslations } from "next-intl";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { CURATION_LIMITS, tagInputSchema, tagUpdateSchema } from "@/lib/curation/schemas";

type Props = {
  /** createTagAction or updateTagAction (lib/curation/actions.ts). */
  action: FormAction<{ name: string; revision: number }>;
  /** A new tag of this call, or an existing tag to rename. */
  target: { callId: string } | { tagId: string; name: string; description: string; revision: number };
  idPrefix: string;
};

export function TagForm({ action, target, idPrefix }: Props) {
  const t = useTranslations("Coding");
  const editing = "tagId" in target;
  const given = editing
    ? { tagId: target.tagId, name: target.name, description: target.description }
    : { callId: target.callId, name: "", description: "" };
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    // The same schema the server parses with.
    schema: editing ? tagUpdateSchema : tagInputSchema,
    action,
    defaults: (typed) => ({ ...given, ...typed }),
    onSuccess: () => {
      if (!editing) form.reset({ ...given, name: "", description: "" });
    },
  });
  const { register } = form;
  const defaults = { ...given, ...refused?.values };

  const id = (name: string) => `${idPrefix}-${name}`;
  const nameError = fieldError("name");
  const descriptionError = fieldError("description");
  return (
    <form ref={formRef} action={formAction} noValidate className="form" onSubmit={onSubmit}>
      {/* Plain hidden fields (not registered): their values are in the HTML, for posts without JavaScript. */}
      {editing ? (
        <>
          <input type="hidden" name="tagId" value={target.tagId} />
          <RevisionField revision={target.revision} state={state} />
          <TheirVersion
            fields={theirChanges(refused, [
              { name: "name", label: t("tagName") },
              { name: "description", label: t("tagDescription") },
            ])}
          />
        </>
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
          {state.ok ? (editing ? t("tagSaved") : t("tagAdded", { name: state.data.name })) : state.message}
        </p>
      )}
    </form>
  );
}
