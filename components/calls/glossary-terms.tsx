import { directionOf } from "@/lib/i18n/config";

/** A call's key terms as a definition list: on the public call page and beside the response form. */
export function GlossaryTerms({
  terms,
  pageLocale,
}: {
  terms: { id: string; term: string; definition: string; lang?: string }[];
  /** With it, a term in another language than the page's carries its `lang`. */
  pageLocale?: string;
}) {
  return (
    <dl className="glossary">
      {terms.map((entry) => (
        <div
          key={entry.id}
          {...(entry.lang && entry.lang !== pageLocale ? { lang: entry.lang, dir: directionOf(entry.lang) } : {})}
        >
          <dt>{entry.term}</dt>
          <dd>{entry.definition}</dd>
        </div>
      ))}
    </dl>
  );
}
