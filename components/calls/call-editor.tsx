"use client";
// The call editor, for a new call and for an existing one. It follows the profile form: react-hook-form
// checks with the same schema the server uses, the post goes to a server action through useActionState
// (so it also works as a plain form post without JavaScript), and what the server refuses lands on the
// fields. Nothing typed is lost: on refusal the fields keep (or, without JavaScript, get back) the values.
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { FormProvider } from "react-hook-form";
import { RevisionField, theirChanges, TheirVersion } from "@/components/forms/edit-conflict";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormAction } from "@/lib/actions";
import type { EditorData } from "@/lib/calls/actions";
import { nestValues } from "@/lib/calls/form-data";
import { CALL_LIMITS, callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { ModerationSettings } from "@/components/moderation/moderation-settings";
import { EditorField, fieldA11y } from "./editor-field";
import { GlossaryList } from "./glossary-list";
import { QuestionList } from "./question-list";

type Props = {
  /** createCallAction or updateCallAction (lib/calls/actions.ts). */
  action: FormAction<EditorData>;
  callId?: string;
  /** The call's revision as loaded (lib/edits/revision.ts); absent for a new call. */
  revision?: number;
  defaults: CallFormValues;
  forums: { id: string; name: string }[];
  timeZones: string[];
  /** The call has submitted or withdrawn responses: questions, opening, zone, address and prefix are fixed. */
  locked?: boolean;
};

/** A list of the editor as one text, to compare and show whole: the questions' prompts, the glossary's terms. */
function listSummary(values: Record<string, string>, list: "questions" | "glossary") {
  const indexes = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.`).exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i, n) =>
      list === "questions"
        ? `${n + 1}. ${values[`questions.${i}.prompt`] ?? ""}`
        : `${values[`glossary.${i}.term`] ?? ""}: ${values[`glossary.${i}.definition`] ?? ""}`,
    )
    .join("\n");
}

export function CallEditor({ action, callId, revision, defaults, forums, timeZones, locked = false }: Props) {
  const t = useTranslations("CallEditor");
  const tConflict = useTranslations("EditConflict");
  const { form, state, refused, formRef, formAction, onSubmit, fieldError, pending } = useActionForm({
    schema: callInputSchema,
    action,
    nested: true,
    defaults: (typed) => (typed ? (nestValues(typed) as CallFormValues) : defaults),
    onSuccess: (data) => data && form.reset(data.values),
  });
  const { register, setFocus } = form;
  const initial = refused?.values ? (nestValues(refused.values) as CallFormValues) : defaults;

  // A refusal the server placed on fields: the first of them gets the focus.
  useEffect(() => {
    const first = refused && Object.keys(refused.fieldErrors ?? {})[0];
    if (first) setFocus(first as keyof CallFormValues);
  }, [refused, setFocus]);

  const errorOf = fieldError;
  const top = (name: keyof CallFormValues, hint = false) => ({
    ...fieldA11y(name, { hint, error: errorOf(name) }),
    defaultValue: String(initial[name] ?? ""),
    ...register(name),
  });
  // A refusal of this editor's own (a duplicate address, frozen questions) is said in its words; a generic
  // "fix the fields" when the fields say what is wrong; otherwise the message as the server gave it.
  const notice = !state
    ? null
    : state.ok
      ? t("saved")
      : state.code === "invalid" && state.fieldErrors && Object.keys(state.fieldErrors).length
        ? t("fixErrors")
        : state.message;
  const forumName = forums.find((forum) => forum.id === initial.forumId)?.name ?? "";
  // Someone saved the call after this editor was opened: their version of each field that differs.
  const withLists = (values: Record<string, string>) => ({
    ...values,
    questions: listSummary(values, "questions"),
    glossary: listSummary(values, "glossary"),
  });
  const theirs = refused?.conflict
    ? theirChanges(
        refused,
        [
          ...(
            ["title", "slug", "referencePrefix", "thematicTrack", "introduction", "timeZone", "opensAt", "closesAt"] as const
          ).map((name) => ({ name, label: t(name) })),
          { name: "questions", label: tConflict("questions") },
          { name: "glossary", label: tConflict("glossary") },
        ],
        withLists(refused.conflict.current),
        withLists(refused.values ?? {}),
      )
    : [];

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="form call-editor"
        action={formAction}
        noValidate
        aria-describedby={notice ? "editor-notice" : undefined}
        onSubmit={onSubmit}
      >
        {notice && (
          <p id="editor-notice" className={`notice ${state?.ok ? "ok" : "error"}`} role={state?.ok ? "status" : "alert"}>
            {notice}
          </p>
        )}
        <TheirVersion fields={theirs} />
        {callId && <input type="hidden" name="callId" value={callId} />}
        {revision !== undefined && <RevisionField revision={revision} state={state} />}
        <section aria-labelledby="about-heading" className="editor-section">
          <h2 id="about-heading">{t("about")}</h2>
          {locked ? (
            <EditorField name="forumId" label={t("forum")} hint={t("lockedField")}>
              <input type="hidden" {...register("forumId")} defaultValue={initial.forumId} />
              <input type="text" id="forumId" readOnly value={forumName} aria-describedby="forumId-hint" />
            </EditorField>
          ) : (
            <EditorField name="forumId" label={t("forum")} error={errorOf("forumId")}>
              <select {...top("forumId")}>
                <option value="">{t("chooseOne")}</option>
                {forums.map((forum) => (
                  <option key={forum.id} value={forum.id}>
                    {forum.name}
                  </option>
                ))}
              </select>
            </EditorField>
          )}
          <EditorField name="title" label={t("title")} error={errorOf("title")}>
            <input type="text" maxLength={CALL_LIMITS.title} {...top("title")} />
          </EditorField>
          <EditorField name="slug" label={t("slug")} hint={locked ? t("lockedField") : t("slugHint")} error={errorOf("slug")}>
            <input
              type="text"
              readOnly={locked}
              maxLength={CALL_LIMITS.slug}
              autoCapitalize="none"
              spellCheck={false}
              {...top("slug", true)}
            />
          </EditorField>
          <EditorField
            name="referencePrefix"
            label={t("referencePrefix")}
            hint={locked ? t("lockedField") : t("referencePrefixHint")}
            error={errorOf("referencePrefix")}
          >
            <input
              type="text"
              readOnly={locked}
              maxLength={10}
              autoCapitalize="characters"
              spellCheck={false}
              {...top("referencePrefix", true)}
            />
          </EditorField>
          <EditorField
            name="thematicTrack"
            label={t("thematicTrack")}
            hint={t("thematicTrackHint")}
            error={errorOf("thematicTrack")}
          >
            <input type="text" maxLength={CALL_LIMITS.thematicTrack} {...top("thematicTrack", true)} />
          </EditorField>
          <EditorField
            name="introduction"
            label={t("introduction")}
            hint={t("introductionHint", { max: CALL_LIMITS.introduction })}
            error={errorOf("introduction")}
          >
            <textarea rows={10} maxLength={CALL_LIMITS.introduction} {...top("introduction", true)} />
          </EditorField>
        </section>
        <section aria-labelledby="times-heading" className="editor-section">
          <h2 id="times-heading">{t("times")}</h2>
          <p className="hint">{locked ? t("timesLocked") : t("timesHint")}</p>
          <EditorField name="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} error={errorOf("timeZone")}>
            {locked ? (
              <input type="text" readOnly {...top("timeZone", true)} />
            ) : (
              <select {...top("timeZone", true)}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
          <div className="field-pair">
            <EditorField name="opensAt" label={t("opensAt")} error={errorOf("opensAt")}>
              <input type="datetime-local" readOnly={locked} {...top("opensAt")} />
            </EditorField>
            <EditorField
              name="closesAt"
              label={t("closesAt")}
              hint={locked ? t("closesLaterOnly") : undefined}
              error={errorOf("closesAt")}
            >
              <input type="datetime-local" {...top("closesAt", locked)} />
            </EditorField>
          </div>
        </section>
        <ModerationSettings field={top} errorOf={errorOf} />
        <QuestionList locked={locked} errorOf={errorOf} />
        <GlossaryList errorOf={errorOf} />
        <div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? t("saving") : callId ? t("save") : t("create")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
