// The streaming writer. A dataset reads its rows in keyset batches; the writer formats one batch per `pull`
// of a web ReadableStream, so a batch is read from the database only when the client has taken the
// previous one: a slow download holds one batch in memory, never the whole export.
// CSV: RFC 4180 with a BOM (./csv.ts). JSON: one object `{"columns":[…],"rows":[…]}` whose rows array is
// written row by row; the text is valid JSON once the stream ends (not NDJSON).
import { BOM, csvRow, type Cell } from "./csv";

export type Column = { key: string; label: string };
export type Row = Record<string, Cell>;
export type Dataset = { columns: readonly Column[]; batches: () => AsyncGenerator<Row[]> };
export type ExportFormat = "csv" | "json";

/** Reads `fetchAfter(last)` until a batch comes back shorter than `size`; yields the non-empty batches. */
export async function* keysetBatches<T>(fetchAfter: (last: T | null) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let last: T | null = null;
  for (;;) {
    const rows = await fetchAfter(last);
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1]!;
  }
}

async function* csvChunks(dataset: Dataset) {
  yield BOM + csvRow(dataset.columns.map((column) => column.label));
  for await (const rows of dataset.batches()) {
    if (!rows.length) continue;
    yield rows.map((row) => csvRow(dataset.columns.map((column) => row[column.key]))).join("");
  }
}

async function* jsonChunks(dataset: Dataset) {
  yield `{"columns":${JSON.stringify(dataset.columns)},"rows":[`;
  let first = true;
  for await (const rows of dataset.batches()) {
    if (!rows.length) continue;
    const text = rows
      .map((row) => JSON.stringify(Object.fromEntries(dataset.columns.map((column) => [column.key, row[column.key] ?? null]))))
      .join(",\n");
    yield (first ? "\n" : ",\n") + text;
    first = false;
  }
  yield "\n]}\n";
}

/** The export as a pull-based byte stream: nothing is read before the consumer asks for it. */
export function exportStream(dataset: Dataset, format: ExportFormat): ReadableStream<Uint8Array> {
  const chunks = format === "csv" ? csvChunks(dataset) : jsonChunks(dataset);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(encoder.encode(value));
        } catch (error) {
          // Headers are sent already: the client sees a cut download, the log says why.
          console.error("[exports] the stream failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // One formatted batch queued at most: backpressure comes from the consumer's reads.
    { highWaterMark: 1 },
  );
}
