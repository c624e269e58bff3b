"use client";
// A save refused because someone else saved the same object after the form was opened (lib/edits/revision.ts):
// the form keeps the person's own text, shows theirs beside it field by field, and posts the stored revision
// with the next save, which then replaces theirs knowingly. Every form of an editable object renders
// <RevisionField> and, on such a refusal, <TheirVersion>.
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions";

type Refusal = Extract<ActionState<unknown>, { ok: false }> | undefined;

/**
 * The revision the form posts: the one it was opened at; after its own save, the one that save made (the
 * action's data says it, so the next save is not taken for someone else's); after a refusal for a newer save,
 * the one now stored.
 */
export function RevisionField({ revision, state }: { revision: number; state: ActionState<unknown> | null | undefined }) {
  const saved =
    state?.ok && typeof (state.data as { revision?: unknown } | null)?.revision === "number"
      ? (state.data as { revision: number }).revision
      : undefined;
  const value = (state && !state.ok ? state.conflict?.revision : saved) ?? revision;
  return <input type="hidden" name="revision" value={value} />;
}

export type TheirField = { name: string; label: string; value: string };

/**
 * The stored values of the fields that differ from what the person typed, with their labels; `fields` lists
 * the form's fields in the order they are shown. `current` and `typed` default to the refusal's (its
 * conflict's stored values, and the values as posted); a form with lists passes summaries of its own.
 */
export function theirChanges(
  refused: Refusal,
  fields: readonly { name: string; label: string }[],
  current = refused?.conflict?.current,
  typed = refused?.values ?? {},
): TheirField[] {
  if (!refused?.conflict || !current) return [];
  return fields
    .filter(({ name }) => name in current && (current[name] ?? "").trim() !== (typed[name] ?? "").trim())
    .map(({ name, label }) => ({ name, label, value: current[name] ?? "" }));
}

/** Their version of the fields that differ, as a description list; nothing when no field differs. */
export function TheirVersion({ fields }: { fields: readonly TheirField[] }) {
  const t = useTranslations("EditConflict");
  const headingId = useId();
  if (!fields.length) return null;
  return (
    <section className="their-version" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("heading")}</h3>
      <dl>
        {fields.map((field) => (
          <div key={field.name}>
            <dt>{field.label}</dt>
            <dd dir="auto">{field.value || t("empty")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
