"use client";
// An administrator's forum editor, for a new forum and an existing one. A plain form posted to a server
// action (lib/forums/actions.ts), checked in the browser by the same schema; it works without JavaScript.
import { useTranslations } from "next-intl";
import { EditorCheckbox, EditorField, fieldA11y } from "@/components/calls/editor-field";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import { FORUM_KINDS, FORUM_LIMITS, forumInputSchema, type ForumFormValues } from "@/lib/forums/schemas";

/** The form's fields as strings (what inputs hold); the checkbox as "true" or "". */
export type ForumFormDefaults = Record<Exclude<keyof ForumFormValues, "facilitatorsMayAppoint">, string> & {
  facilitatorsMayAppoint: boolean;
};

type Props<T> = {
  /** createForumAction or updateForumAction. */
  action: FormAction<T>;
  /** Set when editing: the forum's id, posted back with the fields. */
  forumId?: string;
  /** Set when editing: the forum's revision as loaded (lib/edits/revision.ts). */
  revision?: number;
  defaults: ForumFormDefaults;
};

export function ForumForm<T>({ action, forumId, revision, defaults }: Props<T>) {
  const t = useTranslations("Forums");
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: forumInputSchema,
    action,
    defaults: (typed) =>
      (typed ? { ...typed, facilitatorsMayAppoint: typed.facilitatorsMayAppoint === "true" } : defaults) as ForumFormValues,
  });
  const { register } = form;
  const typed = refused?.values;
  const initial = (name: keyof ForumFormDefaults) => (typed ? (typed[name] ?? "") : String(defaults[name]));
  const control = (name: Exclude<keyof ForumFormDefaults, "facilitatorsMayAppoint">, hint = false) => ({
    ...fieldA11y(name, { hint, error: fieldError(name) }),
    defaultValue: initial(name),
    ...register(name),
  });
  const mayAppoint = typed ? typed.facilitatorsMayAppoint === "true" : defaults.facilitatorsMayAppoint;
  // Saved: the action's sentence; refused: "fix the fields" when the fields say what is wrong, else why.
  const notice = !state ? null : state.ok ? state.message : state.fieldErrors ? t("fixErrors") : state.message;

  return (
    <form ref={formRef} className="form" action={formAction} onSubmit={onSubmit} noValidate>
      {notice && (
        <p className={`notice ${state?.ok ? "ok" : "error"}`} role={state?.ok ? "status" : "alert"}>
          {notice}
        </p>
      )}
      {forumId && <input type="hidden" name="forumId" value={forumId} />}
      {revision !== undefined && <RevisionField revision={revision} state={state} />}
      <TheirVersion
        fields={theirChanges(
          refused,
          (["name", "slug", "kind", "description", "contactEmail", "publicationAbout", "publicationContact"] as const).map(
            (name) => ({ name, label: t(name) }),
          ),
        ).map((field) =>
          field.name === "kind" ? { ...field, value: t(`kinds.${field.value as (typeof FORUM_KINDS)[number]}`) } : field,
        )}
      />
      <EditorField name="name" label={t("name")} error={fieldError("name")}>
        <input type="text" required maxLength={FORUM_LIMITS.name} {...control("name")} />
      </EditorField>
      <EditorField name="slug" label={t("slug")} hint={t("slugHint")} error={fieldError("slug")}>
        <input
          type="text"
          required
          maxLength={FORUM_LIMITS.slug}
          autoCapitalize="none"
          spellCheck={false}
          dir="ltr"
          {...control("slug", true)}
        />
      </EditorField>
      <EditorField name="kind" label={t("kind")} error={fieldError("kind")}>
        <select required {...control("kind")}>
          {FORUM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField
        name="description"
        label={t("description")}
        hint={t("descriptionHint", { max: FORUM_LIMITS.description })}
        error={fieldError("description")}
      >
        <textarea rows={4} maxLength={FORUM_LIMITS.description} {...control("description", true)} />
      </EditorField>
      <EditorField name="contactEmail" label={t("contactEmail")} hint={t("contactEmailHint")} error={fieldError("contactEmail")}>
        <input type="email" autoComplete="off" dir="ltr" maxLength={FORUM_LIMITS.email} {...control("contactEmail", true)} />
      </EditorField>
      <fieldset className="field-group">
        <legend>{t("publicationLegend")}</legend>
        <p className="hint">{t("publicationHint")}</p>
        <EditorField
          name="publicationAbout"
          label={t("publicationAbout")}
          hint={t("publicationAboutHint", { max: FORUM_LIMITS.publicationAbout })}
          error={fieldError("publicationAbout")}
        >
          <textarea rows={5} maxLength={FORUM_LIMITS.publicationAbout} {...control("publicationAbout", true)} />
        </EditorField>
        <EditorField
          name="publicationContact"
          label={t("publicationContact")}
          hint={t("publicationContactHint", { max: FORUM_LIMITS.publicationContact })}
          error={fieldError("publicationContact")}
        >
          <textarea rows={4} maxLength={FORUM_LIMITS.publicationContact} {...control("publicationContact", true)} />
        </EditorField>
      </fieldset>
      <EditorCheckbox name="facilitatorsMayAppoint" label={t("facilitatorsMayAppoint")}>
        <input
          type="checkbox"
          value="true"
          {...fieldA11y("facilitatorsMayAppoint", { hint: true })}
          defaultChecked={mayAppoint}
          {...register("facilitatorsMayAppoint")}
        />
      </EditorCheckbox>
      <p className="hint" id="facilitatorsMayAppoint-hint">
        {t("facilitatorsMayAppointHint")}
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {forumId ? t("save") : t("create")}
        </button>
      </div>
    </form>
  );
}
