"use client";
// Several excerpts cited in one paragraph at once: the boxes ticked in the source panel (each excerpt's box
// belongs to this form by its `form` attribute) go to the paragraph chosen here, in one action
// (lib/messages/citing-actions.ts). A plain form: it posts without JavaScript too.
import { useTranslations } from "next-intl";
import { useActionState, useId, useSyncExternalStore } from "react";
import { citeManyAction } from "@/lib/messages/citing-actions";
import { CITE_MANY_FORM_ID } from "@/lib/messages/cite-many-schema";
import styles from "./message-editor.module.css";

type Props = { paragraphs: { value: string; label: string }[]; target?: string };

export function CiteManyForm({ paragraphs, target }: Props) {
  const t = useTranslations("MessageEditor");
  const [state, formAction, pending] = useActionState(citeManyAction, null);
  const id = useId();
  const said = !state ? "" : state.ok ? (state.message ?? "") : (state.fieldErrors?.excerptIds?.[0] ?? state.message);
  // "Tick all the excerpts shown" needs JavaScript, so it appears only with it (as the queue's "Choose all").
  const scripted = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const boxes = () => [...document.querySelectorAll<HTMLInputElement>(`input[form="${CITE_MANY_FORM_ID}"][name="excerptIds"]`)];
  return (
    <form id={CITE_MANY_FORM_ID} action={formAction} className={styles.inline}>
      {scripted && (
        <p className={styles.tick}>
          <input
            type="checkbox"
            id={`${id}-all`}
            onChange={(event) => {
              for (const box of boxes()) box.checked = event.currentTarget.checked;
            }}
          />
          <label htmlFor={`${id}-all`}>{t("tickAllExcerpts")}</label>
        </p>
      )}
      <label htmlFor={`${id}-paragraph`}>{t("citeManyIn")}</label>
      <select id={`${id}-paragraph`} name="paragraphId" defaultValue={target}>
        {paragraphs.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary" disabled={pending}>
        {t("citeMany")}
      </button>
      <span role="status" aria-live="polite" className={state && !state.ok ? "field-error" : "meta"}>
        {said}
      </span>
    </form>
  );
}
