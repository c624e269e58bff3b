// Scale bench (issue 18, "Queries that scale"): with 100,000 submitted responses in one call, times each public
// read of a call through the real domain functions, in process and warm: the public response list with each of
// its filters and full-text search, the participation counts and growth, the contributors page and the open
// data API's list. Prints, per function, the median and max of 5 runs, the database time (the sum of its
// queries' durations, as Prisma reports them) and its slowest query; then EXPLAIN (ANALYZE, BUFFERS) of the
// slowest query when it took over 50 ms (`--explain-all`: of every function's slowest over 50 ms).
// The call is planted once by scripts/plant-scale.ts and kept (the next run reuses it). Run on a migrated
// database the bench may fill:
//   DATABASE_URL=postgresql://… npx tsx --import ./scripts/lib/server-only.mjs scripts/bench-scale.ts [--explain-all]
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { listCallResponses } from "@/lib/api/responses";
import { disconnectDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getPublicParticipation } from "@/lib/insights/participation";
import { countParticipation, loadDailyArrivals, responsesOf } from "@/lib/insights/source";
import { getPublicCall, listContributors, listPublishedResponses } from "@/lib/responses/public";
import { encodeCursor } from "@/lib/responses/public-cursor";
import { plantScaleCall, SCALE_RESPONSES } from "./plant-scale";

export { plantScaleCall } from "./plant-scale";

const RUNS = 5;
const EXPLAIN_OVER_MS = 50;

type Query = { sql: string; params: string; ms: number };
type Case = { label: string; run: () => Promise<unknown> };
type Result = { label: string; wall: number[]; db: number[]; slowest: Query };

let recording: Query[] | null = null;

/** The app's client (lib/db.ts caches it on globalThis), made here with query events to time the database. */
function instrumentedClient(connectionString: string) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10, options: "-c jit=off" }),
    omit: { session: { sessionToken: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => recording?.push({ sql: event.query, params: event.params, ms: event.duration }));
  (globalThis as unknown as { __igfDb?: unknown }).__igfDb = client;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure({ label, run }: Case): Promise<Result> {
  await run(); // warm: plans cached, pages in shared buffers
  const result: Result = { label, wall: [], db: [], slowest: { sql: "", params: "[]", ms: -1 } };
  for (let i = 0; i < RUNS; i++) {
    recording = [];
    const started = performance.now();
    await run();
    result.wall.push(performance.now() - started);
    result.db.push(recording.reduce((sum, query) => sum + query.ms, 0));
    for (const query of recording) if (query.ms > result.slowest.ms) result.slowest = query;
    recording = null;
  }
  return result;
}

async function cases(callId: string, slug: string, searchWord: string, commonWord: string): Promise<Case[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  // A position half-way down the list, for a deep page either way.
  const {
    rows: [middle],
  } = await client.query<{ id: string; submittedAt: Date }>(
    `SELECT id, "submittedAt" FROM responses WHERE "callId" = $1 AND "moderationState" = 'PUBLISHED'
     ORDER BY "submittedAt" DESC, id DESC OFFSET $2 LIMIT 1`,
    [callId, SCALE_RESPONSES / 2],
  );
  const {
    rows: [cluster],
  } = await client.query<{ id: string }>(`SELECT id FROM response_clusters WHERE "callId" = $1 ORDER BY id LIMIT 1`, [callId]);
  await client.end();
  const after = encodeCursor({ submittedAt: middle!.submittedAt, id: middle!.id, direction: "after" });
  const before = encodeCursor({ submittedAt: middle!.submittedAt, id: middle!.id, direction: "before" });
  const list = (options: Parameters<typeof listPublishedResponses>[1]) => () => listPublishedResponses(callId, options);
  const api = (query: Partial<Parameters<typeof listCallResponses>[1]>) => () =>
    listCallResponses(slug, { limit: 20, cursor: null, ...query });
  const source = responsesOf(callId);
  const since = new Date(Date.now() - 20 * 86_400_000);
  return [
    { label: "list: first page", run: list({}) },
    { label: "list: group (5 %)", run: list({ group: "INTERGOVERNMENTAL" }) },
    { label: "list: group (30 %)", run: list({ group: "CIVIL_SOCIETY" }) },
    { label: "list: region (10 %)", run: list({ region: "EASTERN_EUROPE" }) },
    { label: "list: group + region", run: list({ group: "ACADEMIA", region: "AFRICA" }) },
    { label: "list: question answered", run: list({ questionId: `${callId}-q3` }) },
    { label: `list: q "${searchWord}" (rare)`, run: list({ q: searchWord }) },
    { label: `list: q "${commonWord}" (common)`, run: list({ q: commonWord }) },
    { label: `list: q + group`, run: list({ q: searchWord, group: "GOVERNMENT" }) },
    { label: "list: campaigns collapsed", run: list({ collapseCampaigns: true }) },
    { label: "list: one campaign", run: list({ campaign: cluster!.id }) },
    { label: "list: deep page (after)", run: list({ cursor: after }) },
    { label: "list: deep page (before)", run: list({ cursor: before }) },
    { label: "countParticipation", run: () => countParticipation(source) },
    { label: "loadDailyArrivals (growth)", run: () => loadDailyArrivals(source, "Europe/Berlin") },
    { label: "getPublicParticipation", run: () => getPublicParticipation(slug) },
    { label: "getPublicCall", run: () => getPublicCall(slug) },
    { label: "listContributors", run: () => listContributors(callId) },
    { label: "api list: first page", run: api({}) },
    { label: "api list: group", run: api({ group: "INTERGOVERNMENTAL" }) },
    { label: "api list: region", run: api({ region: "EASTERN_EUROPE" }) },
    { label: "api list: since/until", run: api({ since, until: new Date(since.getTime() + 86_400_000) }) },
    { label: "api list: deep cursor", run: api({ cursor: { at: middle!.submittedAt, id: middle!.id } }) },
  ];
}

async function explain(query: Query) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: "-c jit=off" });
  await client.connect();
  try {
    const params = JSON.parse(query.params) as unknown[];
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `(could not explain: ${(error as Error).message})`;
  } finally {
    await client.end();
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to a migrated database the bench may fill.");
  const call = await plantScaleCall(databaseUrl);
  console.info(
    call.planted
      ? `Planted ${SCALE_RESPONSES.toLocaleString("en")} responses in ${call.seconds.toFixed(1)} s (call ${call.slug})`
      : `Reusing call ${call.slug}`,
  );
  instrumentedClient(databaseUrl);
  const results: Result[] = [];
  try {
    for (const c of await cases(call.callId, call.slug, call.searchWord, call.commonWord)) results.push(await measure(c));
  } finally {
    await disconnectDb();
  }
  const f = (ms: number) => ms.toFixed(1).padStart(8);
  console.info(`\n${"function".padEnd(36)} median ms   max ms  db ms (median)  slowest query ms`);
  for (const r of results)
    console.info(
      `${r.label.padEnd(36)} ${f(median(r.wall))} ${f(Math.max(...r.wall))} ${f(median(r.db))}       ${f(r.slowest.ms)}`,
    );
  const slow = results.filter((r) => r.slowest.ms > EXPLAIN_OVER_MS).sort((a, b) => b.slowest.ms - a.slowest.ms);
  for (const r of process.argv.includes("--explain-all") ? slow : slow.slice(0, 1)) {
    console.info(`\nSlowest query of "${r.label}" (${r.slowest.ms} ms):\n${r.slowest.sql}\nparams ${r.slowest.params}`);
    console.info(await explain(r.slowest));
  }
}

if (process.argv[1]?.endsWith("bench-scale.ts")) await main();
