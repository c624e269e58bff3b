"use client";
// One question of the response form, by type: a textarea with a live character count, a text input,
// a radio group or a checkbox group (each group in a fieldset with the prompt as its legend).
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { answerKey, choiceLimit, textLimit, type QuestionDefinition } from "@/lib/responses/schemas";

export type QuestionView = QuestionDefinition & {
  position: number;
  prompt: string;
  helpText: string;
  /** The language of the prompt when it is not the page's (a call not translated into it). */
  lang?: string;
  /** The choices as shown (translated); the values stay the original options. */
  optionLabels?: string[];
};

type Props = {
  question: QuestionView;
  error?: string;
  /** The value rendered into the HTML, so the form keeps it without JavaScript. */
  initial: string | string[];
  disabled: boolean;
};

function CharacterCount({ name, max, id }: { name: string; max: number; id: string }) {
  const t = useTranslations("ResponseForm");
  const value = useWatch({ name }) as string | undefined;
  return (
    <p className="hint char-count" id={id} aria-live="off">
      {t("characters", { count: (value ?? "").length, max })}
    </p>
  );
}

export function QuestionField({ question, error, initial, disabled }: Props) {
  const t = useTranslations("ResponseForm");
  const { register } = useFormContext();
  const name = answerKey(question.id);
  const ids = { hint: `${name}-hint`, error: `${name}-error`, count: `${name}-count` };
  const label = (
    <>
      {question.position}. <span lang={question.lang}>{question.prompt}</span>{" "}
      <span className="requirement">{question.required ? t("required") : t("optional")}</span>
    </>
  );
  const help = question.helpText ? (
    <span className="question-help" lang={question.lang}>
      {question.helpText}{" "}
    </span>
  ) : null;
  const errorLine = error ? (
    <p className="field-error" id={ids.error}>
      {error}
    </p>
  ) : null;

  if (question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE") {
    const multiple = question.type === "MULTIPLE_CHOICE";
    const max = choiceLimit(question);
    const chosen = Array.isArray(initial) ? initial : [initial];
    return (
      <fieldset
        className="field question choice-group"
        aria-describedby={[ids.hint, error && ids.error].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
      >
        <legend>{label}</legend>
        <p className="hint" id={ids.hint}>
          {help}
          {multiple && max < question.options.length ? t("chooseUpTo", { max }) : null}
        </p>
        {question.options.map((option, index) => (
          <div className="choice" key={option}>
            <input
              type={multiple ? "checkbox" : "radio"}
              id={`${name}-${index}`}
              value={option}
              defaultChecked={chosen.includes(option)}
              disabled={disabled}
              {...register(name)}
            />
            <label htmlFor={`${name}-${index}`} lang={question.lang}>
              {question.optionLabels?.[index] ?? option}
            </label>
          </div>
        ))}
        {errorLine}
      </fieldset>
    );
  }

  const max = textLimit(question);
  const min = question.minLength ?? 0;
  const describedBy = [ids.hint, question.type === "LONG_TEXT" && ids.count, error && ids.error].filter(Boolean).join(" ");
  const common = {
    id: name,
    maxLength: max,
    disabled,
    defaultValue: typeof initial === "string" ? initial : "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": question.required || undefined,
  };
  return (
    <div className="field question">
      <label htmlFor={name}>{label}</label>
      <p className="hint" id={ids.hint}>
        {help}
        {min > 0 ? t("charactersRange", { min, max }) : t("charactersLimit", { max })}
      </p>
      {question.type === "LONG_TEXT" ? (
        <>
          <textarea rows={8} {...common} {...register(name)} />
          <CharacterCount name={name} max={max} id={ids.count} />
        </>
      ) : (
        <input type="text" {...common} {...register(name)} />
      )}
      {errorLine}
    </div>
  );
}
