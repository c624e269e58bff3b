// An RFC 4180 reader for the tests, written independently of lib/exports/csv.ts so that a writer bug is not
// mirrored by the reader: quoted fields with doubled quotes, commas and line breaks inside, CRLF records,
// an optional leading BOM. Throws on a malformed file (a stray quote, an unterminated field).
export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "" || afterQuote) throw new Error(`stray quote at ${i}`);
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
      afterQuote = false;
    } else if (c === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      afterQuote = false;
      i++;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`bare line break at ${i}`);
    } else {
      if (afterQuote) throw new Error(`text after a closing quote at ${i}`);
      field += c;
    }
    i++;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`a record has ${row.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, index) => [name, row[index]!]));
  });
}
