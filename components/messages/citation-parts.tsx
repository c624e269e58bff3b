// Splitting a paragraph asks which part each of its sources stands behind (lib/messages/paragraphs.ts,
// splitParagraph): the first part, the new second part, or both. Both is chosen until the moderator says
// otherwise, so nothing is lost. Plain radios in the split form: they post without JavaScript too.
import { CITATION_PART_FIELD, CITATION_PARTS, type CitationPart } from "@/lib/messages/schemas";
import styles from "./message-editor.module.css";

export type CitationChoice = { id: string; label: string };

type Props = {
  /** Unique on the page: prefixes the radios' ids. */
  idPrefix: string;
  citations: CitationChoice[];
  labels: { legend: string } & Record<CitationPart, string>;
};

export function CitationParts({ idPrefix, citations, labels }: Props) {
  if (!citations.length) return null;
  return (
    <fieldset className={styles.citationParts}>
      <legend>{labels.legend}</legend>
      {citations.map((citation) => (
        <fieldset key={citation.id} className={styles.choiceRow}>
          <legend>{citation.label}</legend>
          {CITATION_PARTS.map((part) => {
            const id = `${idPrefix}-${citation.id}-${part}`;
            return (
              <span key={part}>
                <input
                  type="radio"
                  id={id}
                  name={`${CITATION_PART_FIELD}${citation.id}`}
                  value={part}
                  defaultChecked={part === "both"}
                />
                <label htmlFor={id}>{labels[part]}</label>
              </span>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}
