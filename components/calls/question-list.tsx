"use client";
// The questions of a call: a field array with add, remove and move up/down buttons (real buttons, so they
// work from the keyboard; focus follows the moved question and a live region says where it went). Once
// the call has responses the questions are shown read-only and only their help texts can change; their
// values still travel in hidden fields, and the server refuses any change to them.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { CALL_LIMITS, isChoiceType, QUESTION_TYPES, type CallFormValues } from "@/lib/calls/schemas";
import { EditorCheckbox, EditorField, fieldA11y } from "./editor-field";

type ErrorOf = (path: string) => string | undefined;
type QuestionValues = NonNullable<CallFormValues["questions"]>[number];

const emptyQuestion: QuestionValues = {
  questionId: "",
  prompt: "",
  helpText: "",
  type: "LONG_TEXT",
  required: false,
  minLength: "",
  maxLength: "",
  options: "",
  maxChoices: "",
};

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

export function QuestionList({ locked, errorOf }: { locked: boolean; errorOf: ErrorOf }) {
  const t = useTranslations("CallEditor");
  const { control } = useFormContext<CallFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "questions" });
  const [announcement, setAnnouncement] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);

  const focusLater = (id: string, fallback: string) =>
    requestAnimationFrame(() => (document.getElementById(id) ?? document.getElementById(fallback))?.focus());

  const moveQuestion = (from: number, to: number) => {
    move(from, to);
    setAnnouncement(t("moved", { from: from + 1, to: to + 1 }));
    const direction = to < from ? "up" : "down";
    focusLater(`question-${to}-${direction}`, `question-${to}-${direction === "up" ? "down" : "up"}`);
  };
  const removeQuestion = (index: number) => {
    remove(index);
    setAnnouncement(t("removed", { n: index + 1 }));
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const listError = errorOf("questions");

  return (
    <section aria-labelledby="questions-heading" className="editor-section">
      <h2 id="questions-heading">{t("questions")}</h2>
      {locked ? (
        <p className="notice">{t("questionsLocked")}</p>
      ) : (
        <p className="hint">{t("questionsHint", { max: CALL_LIMITS.questions })}</p>
      )}
      {listError && (
        <p className="field-error" id="questions-error">
          {listError}
        </p>
      )}
      {fields.length === 0 && <p>{t("noQuestions")}</p>}
      <ol className="editor-list">
        {fields.map((field, index) => (
          <li key={field.id}>
            <fieldset className="editor-item">
              <legend>{t("questionN", { n: index + 1 })}</legend>
              {locked ? (
                <LockedQuestion index={index} field={field} errorOf={errorOf} />
              ) : (
                <QuestionFields index={index} field={field} errorOf={errorOf} />
              )}
              {!locked && (
                <div className="button-row">
                  {index > 0 && (
                    <button
                      type="button"
                      className="button secondary"
                      id={`question-${index}-up`}
                      onClick={() => moveQuestion(index, index - 1)}
                    >
                      {t("moveUp")}
                      <span className="visually-hidden"> {t("questionN", { n: index + 1 })}</span>
                    </button>
                  )}
                  {index < fields.length - 1 && (
                    <button
                      type="button"
                      className="button secondary"
                      id={`question-${index}-down`}
                      onClick={() => moveQuestion(index, index + 1)}
                    >
                      {t("moveDown")}
                      <span className="visually-hidden"> {t("questionN", { n: index + 1 })}</span>
                    </button>
                  )}
                  <button type="button" className="button secondary danger" onClick={() => removeQuestion(index)}>
                    {t("remove")}
                    <span className="visually-hidden"> {t("questionN", { n: index + 1 })}</span>
                  </button>
                </div>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {!locked && (
        <>
          <button
            type="button"
            ref={addButton}
            className="button secondary"
            disabled={fields.length >= CALL_LIMITS.questions}
            onClick={() => append(emptyQuestion, { focusName: `questions.${fields.length}.prompt` })}
          >
            {t("addQuestion")}
          </button>
          <noscript>
            <p className="hint">{t("needsJavaScript")}</p>
          </noscript>
        </>
      )}
    </section>
  );
}

type ItemProps = { index: number; field: QuestionValues; errorOf: ErrorOf };

function QuestionFields({ index, field, errorOf }: ItemProps) {
  const t = useTranslations("CallEditor");
  const tType = useTranslations("QuestionType");
  const { register, control } = useFormContext<CallFormValues>();
  const type = useWatch({ control, name: `questions.${index}.type` }) ?? field.type;
  const name = (key: keyof QuestionValues) => `questions.${index}.${key}` as const;
  const control_ = (key: keyof QuestionValues, hint = false) => ({
    ...fieldA11y(name(key), { hint, error: errorOf(name(key)) }),
    defaultValue: text(field[key]),
    ...register(name(key)),
  });
  const textType = !isChoiceType(type);
  return (
    <>
      <input type="hidden" {...register(name("questionId"))} defaultValue={text(field.questionId)} />
      <EditorField name={name("prompt")} label={t("prompt")} error={errorOf(name("prompt"))}>
        <textarea rows={2} maxLength={CALL_LIMITS.prompt} {...control_("prompt")} />
      </EditorField>
      <EditorField name={name("type")} label={t("type")} error={errorOf(name("type"))}>
        <select {...control_("type")}>
          {QUESTION_TYPES.map((option) => (
            <option key={option} value={option}>
              {tType(option)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorCheckbox name={name("required")} label={t("required")}>
        <input
          type="checkbox"
          value="true"
          {...fieldA11y(name("required"), {})}
          defaultChecked={field.required === true || field.required === "true"}
          {...register(name("required"))}
        />
      </EditorCheckbox>
      <EditorField name={name("helpText")} label={t("helpText")} hint={t("helpTextHint")} error={errorOf(name("helpText"))}>
        <textarea rows={2} maxLength={CALL_LIMITS.helpText} {...control_("helpText", true)} />
      </EditorField>
      {textType ? (
        <div className="field-pair">
          <EditorField
            name={name("minLength")}
            label={t("minLength")}
            hint={t("minLengthHint")}
            error={errorOf(name("minLength"))}
          >
            <input type="number" min={0} max={CALL_LIMITS.maxLength} inputMode="numeric" {...control_("minLength", true)} />
          </EditorField>
          <EditorField
            name={name("maxLength")}
            label={t("maxLength")}
            hint={t("maxLengthHint", {
              long: CALL_LIMITS.defaultMaxLength.LONG_TEXT,
              short: CALL_LIMITS.defaultMaxLength.SHORT_TEXT,
              max: CALL_LIMITS.maxLength,
            })}
            error={errorOf(name("maxLength"))}
          >
            <input type="number" min={1} max={CALL_LIMITS.maxLength} inputMode="numeric" {...control_("maxLength", true)} />
          </EditorField>
        </div>
      ) : (
        <>
          <EditorField
            name={name("options")}
            label={t("options")}
            hint={t("optionsHint", { max: CALL_LIMITS.options, length: CALL_LIMITS.option })}
            error={errorOf(name("options"))}
          >
            <textarea rows={4} {...control_("options", true)} />
          </EditorField>
          {type === "MULTIPLE_CHOICE" && (
            <EditorField
              name={name("maxChoices")}
              label={t("maxChoices")}
              hint={t("maxChoicesHint")}
              error={errorOf(name("maxChoices"))}
            >
              <input type="number" min={1} max={CALL_LIMITS.options} inputMode="numeric" {...control_("maxChoices", true)} />
            </EditorField>
          )}
        </>
      )}
    </>
  );
}

/** A frozen question: what it asks, shown as text; only the help text is a field. */
function LockedQuestion({ index, field, errorOf }: ItemProps) {
  const t = useTranslations("CallEditor");
  const tType = useTranslations("QuestionType");
  const { register } = useFormContext<CallFormValues>();
  const name = (key: keyof QuestionValues) => `questions.${index}.${key}` as const;
  const hidden = (key: keyof QuestionValues) => (
    <input type="hidden" key={key} {...register(name(key))} defaultValue={text(field[key])} />
  );
  const options = text(field.options)
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const required = field.required === true || field.required === "true";
  return (
    <>
      {(["questionId", "prompt", "type", "required", "minLength", "maxLength", "options", "maxChoices"] as const).map(hidden)}
      <p className="locked-prompt">{field.prompt}</p>
      <p className="meta">
        {tType(field.type)} · {required ? t("requiredYes") : t("requiredNo")}
        {field.maxLength ? ` · ${t("upTo", { max: Number(field.maxLength) })}` : ""}
      </p>
      {options.length > 0 && (
        <ul className="meta">
          {options.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      )}
      <EditorField name={name("helpText")} label={t("helpText")} hint={t("helpTextLockedHint")} error={errorOf(name("helpText"))}>
        <textarea
          rows={2}
          maxLength={CALL_LIMITS.helpText}
          {...fieldA11y(name("helpText"), { hint: true, error: errorOf(name("helpText")) })}
          defaultValue={text(field.helpText)}
          {...register(name("helpText"))}
        />
      </EditorField>
    </>
  );
}
