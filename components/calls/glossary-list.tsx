"use client";
// The call's glossary: key terms and their definitions, shown to respondents beside the questions.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { CALL_LIMITS, type CallFormValues } from "@/lib/calls/schemas";
import { EditorField, fieldA11y } from "./editor-field";

export function GlossaryList({ errorOf }: { errorOf: (path: string) => string | undefined }) {
  const t = useTranslations("CallEditor");
  const { control, register } = useFormContext<CallFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "glossary" });
  const [announcement, setAnnouncement] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);
  const listError = errorOf("glossary");

  return (
    <section aria-labelledby="glossary-heading" className="editor-section">
      <h2 id="glossary-heading">{t("glossary")}</h2>
      <p className="hint">{t("glossaryHint", { max: CALL_LIMITS.glossary })}</p>
      {listError && <p className="field-error">{listError}</p>}
      {fields.length === 0 && <p>{t("noTerms")}</p>}
      <ol className="editor-list">
        {fields.map((field, index) => {
          const term = `glossary.${index}.term` as const;
          const definition = `glossary.${index}.definition` as const;
          return (
            <li key={field.id}>
              <fieldset className="editor-item">
                <legend>{t("termN", { n: index + 1 })}</legend>
                <EditorField name={term} label={t("term")} error={errorOf(term)}>
                  <input
                    type="text"
                    maxLength={CALL_LIMITS.term}
                    {...fieldA11y(term, { error: errorOf(term) })}
                    defaultValue={field.term}
                    {...register(term)}
                  />
                </EditorField>
                <EditorField name={definition} label={t("definition")} error={errorOf(definition)}>
                  <textarea
                    rows={2}
                    maxLength={CALL_LIMITS.definition}
                    {...fieldA11y(definition, { error: errorOf(definition) })}
                    defaultValue={field.definition}
                    {...register(definition)}
                  />
                </EditorField>
                <div className="button-row">
                  <button
                    type="button"
                    className="button secondary danger"
                    onClick={() => {
                      remove(index);
                      setAnnouncement(t("termRemoved", { n: index + 1 }));
                      requestAnimationFrame(() => addButton.current?.focus());
                    }}
                  >
                    {t("remove")}
                    <span className="visually-hidden"> {t("termN", { n: index + 1 })}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <button
        type="button"
        ref={addButton}
        className="button secondary"
        disabled={fields.length >= CALL_LIMITS.glossary}
        onClick={() => append({ term: "", definition: "" }, { focusName: `glossary.${fields.length}.term` })}
      >
        {t("addTerm")}
      </button>
    </section>
  );
}
