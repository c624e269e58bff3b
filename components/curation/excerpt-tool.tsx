"use client";
// The excerpt tool of the response page: select a passage in one answer (mouse or keyboard), press "Save
// excerpt", choose tags and add a note, save. The offsets sent are UTF-16 code units of the answer's text;
// the server refuses the excerpt if the answer no longer reads so at those offsets.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useSchemaResolver } from "@/components/forms/use-action-form";
import type { ActionState, FormAction } from "@/lib/actions";
import { CURATION_LIMITS, excerptInputSchema, type ExcerptFormValues, type ExcerptInput } from "@/lib/curation/schemas";
import styles from "./coding.module.css";
import { TagCheckboxes } from "./tag-checkboxes";
import { selectionWithin } from "./text-selection";
import { UserText } from "@/components/ui/user-text";

type Chosen = { questionId: string; position: number; start: number; end: number; quote: string };
type Props = {
  responseId: string;
  positions: Record<string, number>;
  tags: { id: string; name: string }[];
  /** createExcerptAction (lib/curation/actions.ts). */
  action: FormAction;
};

const shorten = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

export function ExcerptTool({ responseId, positions, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const [state, formAction, pending] = useActionState(action, null);
  const refused = state && !state.ok ? state : undefined;
  // The passage being saved, and the action state when the form opened: a later successful save closes it.
  const [opened, setOpened] = useState<{ pick: Chosen; since: ActionState | null } | null>(null);
  const chosen = opened && (opened.since === state || (state && !state.ok)) ? opened.pick : null;
  const [hint, setHint] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const last = useRef<Chosen | null>(null);

  // Clicking the button may clear the page's selection first: remember the last one inside an answer.
  useEffect(() => {
    const remember = () => {
      const selection = selectionWithin("[data-answer]");
      if (!selection) return;
      const questionId = selection.element.dataset.answer!;
      last.current = {
        questionId,
        position: positions[questionId] ?? 0,
        start: selection.start,
        end: selection.end,
        quote: selection.quote,
      };
    };
    document.addEventListener("selectionchange", remember);
    return () => document.removeEventListener("selectionchange", remember);
  }, [positions]);

  useEffect(() => {
    if (state?.ok) {
      last.current = null;
      window.getSelection()?.removeAllRanges();
    }
  }, [state]);

  const values = useMemo<ExcerptFormValues>(
    () => ({
      responseId,
      questionId: chosen?.questionId ?? "",
      start: chosen?.start ?? 0,
      end: chosen?.end ?? 0,
      quote: chosen?.quote ?? "",
      note: "",
    }),
    [responseId, chosen],
  );
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ExcerptFormValues, unknown, ExcerptInput>({ resolver: useSchemaResolver(excerptInputSchema), values });
  const noteError = errors.note?.message ?? refused?.fieldErrors?.note?.[0];
  const quoteError = errors.quote?.message ?? refused?.fieldErrors?.quote?.[0];

  const open = () => {
    const selection = selectionWithin("[data-answer]");
    const pick = selection
      ? {
          questionId: selection.element.dataset.answer!,
          position: positions[selection.element.dataset.answer!] ?? 0,
          start: selection.start,
          end: selection.end,
          quote: selection.quote,
        }
      : last.current;
    if (!pick) return setHint(t("selectFirst"));
    setHint(null);
    setOpened({ pick, since: state });
  };

  return (
    <div>
      <p className="hint">{t("excerptHelp")}</p>
      <p>
        <button type="button" className="button" onClick={open} onMouseDown={(event) => event.preventDefault()}>
          {t("saveExcerpt")}
        </button>
      </p>
      {hint && (
        <p role="alert" className="field-error">
          {hint}
        </p>
      )}
      {state?.ok && !chosen && (
        <p role="status" className="notice ok">
          {t("excerptSaved")}
        </p>
      )}
      {chosen && (
        <form
          ref={formRef}
          action={formAction}
          noValidate
          className={styles.selectionBox}
          aria-label={t("saveSelection")}
          onSubmit={(event) => handleSubmit(() => startTransition(() => formAction(new FormData(formRef.current!))))(event)}
        >
          <p>{t.rich("selected", { position: chosen.position, quote: () => <UserText>{shorten(chosen.quote)}</UserText> })}</p>
          <input type="hidden" name="responseId" value={responseId} />
          <input type="hidden" name="questionId" value={chosen.questionId} />
          <input type="hidden" name="start" value={chosen.start} />
          <input type="hidden" name="end" value={chosen.end} />
          <input type="hidden" name="quote" value={chosen.quote} />
          {quoteError && <p className="field-error">{quoteError}</p>}
          <TagCheckboxes tags={tags} legend={t("excerptTags")} idPrefix="new-excerpt-tag" />
          <div className="field">
            <label htmlFor="new-excerpt-note">{t("note")}</label>
            <textarea
              id="new-excerpt-note"
              rows={3}
              maxLength={CURATION_LIMITS.note}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? "new-excerpt-note-error" : undefined}
              {...register("note")}
            />
            {noteError && (
              <p className="field-error" id="new-excerpt-note-error">
                {noteError}
              </p>
            )}
          </div>
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              {t("saveSelection")}
            </button>
            <button type="button" className="button secondary" onClick={() => setOpened(null)}>
              {t("cancel")}
            </button>
          </div>
          {refused && (
            <p role="alert" className="notice error">
              {refused.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
