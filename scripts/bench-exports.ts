// Export bench: streams a call of 100,000 responses (and one of 10,000 for comparison) through the real
// export code (lib/exports) into a byte counter, sampling the process's memory every 100 ms. Constant memory
// means the two runs peak at about the same RSS and heap. Figures are printed, never asserted.
// Run by `npm run bench`, or alone on a migrated database it may fill and clean:
//   DATABASE_URL=postgresql://… node --expose-gc --conditions=react-server --import tsx scripts/bench-exports.ts [--sizes 10000,100000]
// (react-server: the "server-only" marker of lib/ modules resolves to nothing, as it does on the server).
import { randomBytes } from "node:crypto";
import { db, disconnectDb } from "@/lib/db";
import { moderatorDataset, publicDataset } from "@/lib/exports/exports";
import type { ReadOptions } from "@/lib/exports/responses";
import { exportStream, type Dataset, type ExportFormat } from "@/lib/exports/stream";

process.env.DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
const sizesArg = process.argv.indexOf("--sizes");
const SIZES = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(",").map(Number) : [10_000, 100_000];
const MiB = 1024 * 1024;
const SENTENCE = "Capacity building, incident response and trust between CERTs need every stakeholder group. ";

/** One call with `size` submitted responses, 4 answers each (3 texts of 90–450 characters, 1 choice), set-based. */
async function fillCall(size: number) {
  const tag = randomBytes(3).toString("hex");
  const [forumId, callId] = [`bench-forum-${tag}`, `bench-call-${tag}`];
  await db.$executeRaw`INSERT INTO forums (id, slug, name, "updatedAt") VALUES (${forumId}, ${forumId}, 'Bench forum', now())`;
  await db.$executeRaw`
    INSERT INTO calls (id, "forumId", slug, title, "opensAt", "closesAt", "publishedAt", "referencePrefix", "updatedAt")
    VALUES (${callId}, ${forumId}, ${`bench-exports-${tag}`}, 'Bench call', now() - interval '30 days', now() + interval '30 days',
      now() - interval '30 days', ${`BX${tag}`.toUpperCase()}, now())`;
  await db.$executeRaw`
    INSERT INTO questions (id, "callId", position, prompt, type, options, "updatedAt")
    SELECT ${callId} || '-q' || p, ${callId}, p, 'Bench question ' || p,
      CAST(CASE WHEN p = 4 THEN 'MULTIPLE_CHOICE' ELSE 'LONG_TEXT' END AS "QuestionType"),
      CASE WHEN p = 4 THEN ARRAY['Yes', 'Partly', 'No'] ELSE '{}' END, now()
    FROM generate_series(1, 4) p`;
  await db.$executeRaw`
    INSERT INTO responses (id, "callId", status, "stakeholderGroup", region, country, organisation, "submittedAt", reference,
      consent, version, "moderationState", "updatedAt")
    SELECT ${callId} || '-r' || g, ${callId}, 'SUBMITTED',
      CAST((ARRAY['GOVERNMENT','CIVIL_SOCIETY','PRIVATE_SECTOR','TECHNICAL_COMMUNITY','INTERGOVERNMENTAL','ACADEMIA'])[1 + g % 6] AS "StakeholderGroup"),
      CAST((ARRAY['AFRICA','ASIA_PACIFIC','EASTERN_EUROPE','LATIN_AMERICA_CARIBBEAN','WESTERN_EUROPE_OTHERS'])[1 + g % 5] AS "UnRegion"),
      'KE', 'Organisation ' || g, now() - interval '20 days' + g * interval '1 second',
      ${`BX${tag}`.toUpperCase()} || '-' || lpad(g::text, 6, '0'),
      CAST((ARRAY['PUBLISH_NAMED','PUBLISH_ANONYMOUS','PRIVATE'])[1 + g % 3] AS "Consent"), 1, 'PUBLISHED', now()
    FROM generate_series(1, ${size}::int) g`;
  await db.$executeRaw`
    INSERT INTO answers (id, "responseId", "questionId", text, choices, "updatedAt")
    SELECT r.id || '-' || q.position, r.id, q.id,
      CASE WHEN q.type = 'LONG_TEXT' THEN repeat(${SENTENCE}, 1 + (hashtext(r.id) & 3)) ELSE '' END,
      CASE WHEN q.type = 'LONG_TEXT' THEN '{}' ELSE ARRAY['Yes', 'Partly'] END, now()
    FROM responses r JOIN questions q ON q."callId" = r."callId" WHERE r."callId" = ${callId}`;
  await db.$executeRaw`ANALYZE responses`;
  await db.$executeRaw`ANALYZE answers`;
  return { forumId, callId, slug: `bench-exports-${tag}` };
}

async function dropCall({ forumId, callId }: { forumId: string; callId: string }) {
  await db.$executeRaw`DELETE FROM responses WHERE "callId" = ${callId}`; // answers cascade
  await db.$executeRaw`DELETE FROM calls WHERE id = ${callId}`;
  await db.$executeRaw`DELETE FROM forums WHERE id = ${forumId}`;
}

/** Reads the whole stream, counting bytes and rows, with memory sampled every 100 ms. */
async function measure(dataset: Dataset, format: ExportFormat) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  // `live`: the heap still in use right after a full collection, every 5 batches — what the export retains,
  // free of the collector's timing (the plain heap peak grows with how long the collector waits).
  const peak = { rss: base.rss, heap: base.heapUsed, live: base.heapUsed };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
  };
  const timer = setInterval(sample, 100);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  const reader = exportStream(dataset, format).getReader();
  for (let chunk = 1; ; chunk++) {
    const { done, value } = await reader.read();
    if (done) break;
    if (gc && chunk % 5 === 0) {
      gc();
      peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
    }
    bytes += value.byteLength;
    // The bench's answers hold no line breaks: a CSV has one line per row plus the header, the JSON two more.
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
  sample();
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, bytes, rows: lines - (format === "csv" ? 1 : 2), base, peak };
}

const EXPORTS: {
  label: string;
  format: ExportFormat;
  open: (call: { callId: string; slug: string }, o: ReadOptions) => Promise<Dataset>;
}[] = [
  {
    label: "moderator responses.csv",
    format: "csv",
    open: async (call, o) =>
      (
        await moderatorDataset(
          { id: "bench", email: "", name: null, role: "MODERATOR", forums: {}, hasProfile: true },
          call.callId,
          "responses",
          o,
        )
      ).dataset,
  },
  {
    label: "public responses.json",
    format: "json",
    open: async (call, o) => (await publicDataset(call.slug, "responses", o)).dataset,
  },
];

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error("Set DATABASE_URL (or BENCH_DATABASE_URL) to a migrated database the bench may fill.");
  console.info(
    `\nExports: keyset batches of 1000 streamed into a byte counter; memory sampled every 100 ms${
      (globalThis as { gc?: unknown }).gc ? "" : " (run node with --expose-gc for a clean baseline)"
    }\n`,
  );
  console.info(
    "export                          rows   rows/s      MB   seconds   peak RSS MiB (+base)   peak heap MiB (+base)   live heap MiB (+base)",
  );
  for (const size of SIZES) {
    const started = performance.now();
    const call = await fillCall(size);
    console.info(
      `(inserted ${size.toLocaleString("en")} responses with 4 answers each in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    try {
      for (const { label, format, open } of EXPORTS) {
        const r = await measure(await open(call, {}), format);
        console.info(
          `${label.padEnd(26)} ${String(r.rows).padStart(9)} ${(r.rows / r.seconds).toFixed(0).padStart(8)} ${(r.bytes / MiB).toFixed(1).padStart(7)} ${r.seconds.toFixed(1).padStart(9)}` +
            `   ${(r.peak.rss / MiB).toFixed(0).padStart(8)} (+${((r.peak.rss - r.base.rss) / MiB).toFixed(0)})`.padEnd(24) +
            `   ${(r.peak.heap / MiB).toFixed(0).padStart(8)} (+${((r.peak.heap - r.base.heapUsed) / MiB).toFixed(0)})`.padEnd(
              25,
            ) +
            `   ${(r.peak.live / MiB).toFixed(0).padStart(8)} (+${((r.peak.live - r.base.heapUsed) / MiB).toFixed(0)})`,
        );
      }
    } finally {
      await dropCall(call);
    }
  }
}

try {
  await main();
} finally {
  await disconnectDb();
}
