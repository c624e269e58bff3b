"use client";
// A labelled field of the call editor: label, optional hint, the control, and its error, wired together
// with aria-describedby. Dotted form names ("questions.0.prompt") become ids with dashes.

export const fieldId = (name: string) => name.replaceAll(".", "-");

/** The id, aria-invalid and aria-describedby a control needs. */
export function fieldA11y(name: string, { hint = false, error }: { hint?: boolean; error?: string }) {
  const id = fieldId(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined };
}

type Props = { name: string; label: string; hint?: string; error?: string; children: React.ReactNode; className?: string };

export function EditorField({ name, label, hint, error, children, className }: Props) {
  const id = fieldId(name);
  return (
    <div className={className ?? "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A checkbox with its label after it. */
export function EditorCheckbox({ name, label, children }: { name: string; label: string; children: React.ReactNode }) {
  return (
    <div className="field checkbox-field">
      {children}
      <label htmlFor={fieldId(name)}>{label}</label>
    </div>
  );
}
