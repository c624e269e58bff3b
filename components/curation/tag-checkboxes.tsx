"use client";
// The call's tags as checkboxes named `tagIds` (posted as repeated fields, read with getAll on the server).
import styles from "./coding.module.css";

export function TagCheckboxes({
  tags,
  legend,
  idPrefix,
  checked = [],
}: {
  tags: { id: string; name: string }[];
  legend: string;
  idPrefix: string;
  checked?: string[];
}) {
  if (!tags.length) return null;
  return (
    <fieldset className={styles.tagChecks}>
      <legend>{legend}</legend>
      {tags.map((tag) => (
        <span key={tag.id} className="checkbox-field">
          <input
            type="checkbox"
            id={`${idPrefix}-${tag.id}`}
            name="tagIds"
            value={tag.id}
            defaultChecked={checked.includes(tag.id)}
          />
          <label htmlFor={`${idPrefix}-${tag.id}`}>{tag.name}</label>
        </span>
      ))}
    </fieldset>
  );
}
