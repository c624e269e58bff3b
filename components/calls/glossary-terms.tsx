/** A call's key terms as a definition list: on the public call page and beside the response form. */
export function GlossaryTerms({ terms }: { terms: { id: string; term: string; definition: string }[] }) {
  return (
    <dl className="glossary">
      {terms.map((entry) => (
        <div key={entry.id}>
          <dt>{entry.term}</dt>
          <dd>{entry.definition}</dd>
        </div>
      ))}
    </dl>
  );
}
