"use client";
// Splitting a paragraph at any point: the moderator places the cursor in a read-only copy of the text and
// sends; the offset is the cursor's. Needs JavaScript (without it the button stays disabled and the
// "split before sentence" choice beside it does the job).
import { useActionState, useId, useState, type ReactNode } from "react";
import type { FormAction } from "@/lib/actions";
import styles from "./message-editor.module.css";

type Props<T> = {
  action: FormAction<T>;
  paragraphId: string;
  body: string;
  labels: { summary: string; text: string; hint: string; submit: string };
  /** Which part each citation goes to (citation-parts.tsx). */
  citationParts?: ReactNode;
};

export function SplitAtCursor<T>({ action, paragraphId, body, labels, citationParts }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [at, setAt] = useState<number | null>(null);
  const id = useId();
  const track = (event: React.SyntheticEvent<HTMLTextAreaElement>) => {
    const offset = event.currentTarget.selectionStart;
    setAt(offset > 0 && offset < body.length ? offset : null);
  };
  return (
    <details>
      <summary>{labels.summary}</summary>
      <form action={formAction} className={styles.form}>
        <input type="hidden" name="paragraphId" value={paragraphId} />
        <input type="hidden" name="length" value={body.length} />
        <input type="hidden" name="at" value={at ?? ""} />
        <div className="field">
          <label htmlFor={`${id}-text`}>{labels.text}</label>
          <p className="hint" id={`${id}-hint`}>
            {labels.hint}
          </p>
          <textarea
            id={`${id}-text`}
            readOnly
            rows={5}
            value={body}
            aria-describedby={`${id}-hint`}
            onSelect={track}
            onClick={track}
            onKeyUp={track}
          />
        </div>
        {citationParts}
        <div className="button-row">
          <button type="submit" className="button secondary" disabled={pending || at === null}>
            {labels.submit}
          </button>
          <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
            {state?.message}
          </span>
        </div>
      </form>
    </details>
  );
}
