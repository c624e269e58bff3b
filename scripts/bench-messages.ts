// Messages bench: the version diff and the final downloads, timed on real code. Figures are printed, never
// asserted.
//   1. diffVersions of two versions of 300 paragraphs (≈ 700 characters each, in 10 sections) where every
//      third paragraph is edited, one in ten moved, some split and merged: median of 5 runs.
//   2. The final PDF and Markdown of a final set made by the test factory (prisma/factories-final.ts), then of
//      the same set grown to 300 paragraphs with 5 sources each: time, size, pages of text.
// Run by `npm run bench`, or alone on a migrated database it may fill:
//   DATABASE_URL=postgresql://… node --import tsx --import ./scripts/lib/server-only.mjs scripts/bench-messages.ts
// (not the react-server condition: next-intl's translator, used by the documents, needs the full React).
import { performance } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/db";
import type { VersionContent } from "@/lib/messages/content";
import { diffVersions } from "@/lib/messages/diff";
import { getFinalMessages, type FinalMessages } from "@/lib/messages/final";
import { finalMarkdown } from "@/lib/messages/final-markdown";
import { finalPdf } from "@/lib/messages/final-pdf";
import { createFinalScenario } from "@/prisma/factories-final";

process.env.DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
const PARAGRAPHS = 300;
const SENTENCES = [
  "Capacity building should reach incident responders outside capital cities, in local languages.",
  "Norms of responsible state behaviour take hold when those who apply them help to shape them.",
  "Commitments without follow-up cost nothing to break: reporting on them should be public.",
  "The security of infrastructure should be kept apart from the regulation of content.",
  "Trust between CERTs grows with regular exchanges and shared exercises across regions.",
  "Small and medium enterprises need practical guidance more than new obligations.",
  "Every stakeholder group should take part before texts are drafted, not after.",
];
const body = (n: number) => Array.from({ length: 7 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(" ");

function versions(): [VersionContent, VersionContent] {
  const from: VersionContent = Array.from({ length: 10 }, (_, s) => ({
    heading: `Section ${s + 1}`,
    paragraphs: Array.from({ length: PARAGRAPHS / 10 }, (_, i) => {
      const n = s * (PARAGRAPHS / 10) + i;
      return { paragraphId: `p${n}`, body: body(n), origins: [], citations: [] };
    }),
  }));
  const to: VersionContent = from.map((section) => ({ ...section, paragraphs: section.paragraphs.map((p) => ({ ...p })) }));
  to.forEach((section, s) =>
    section.paragraphs.forEach((p, i) => {
      const n = s * (PARAGRAPHS / 10) + i;
      if (n % 3 === 0)
        p.body = p.body.replace("should", "must").replace("regions", "all UN regions") + " A sentence added in review.";
    }),
  );
  // One in ten moved to the next section; every 25th split (a new paragraph after it); every 40th merged
  // with its neighbour (the neighbour's id goes into its origins).
  for (let s = 0; s < 9; s++) to[s + 1]!.paragraphs.push(...to[s]!.paragraphs.splice(0, 3));
  for (const section of to)
    for (let i = section.paragraphs.length - 1; i >= 0; i--) {
      const p = section.paragraphs[i]!;
      const n = Number(p.paragraphId.slice(1));
      if (n % 25 === 0)
        section.paragraphs.splice(i + 1, 0, {
          paragraphId: `s${n}`,
          body: SENTENCES[n % 7]!,
          origins: [p.paragraphId],
          citations: [],
        });
      if (n % 40 === 1 && section.paragraphs[i + 1]) {
        const next = section.paragraphs.splice(i + 1, 1)[0]!;
        p.body = `${p.body}\n\n${next.body}`;
        p.origins = [...p.origins, next.paragraphId];
      }
    }
  return [from, to];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function time<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function downloads(label: string, set: FinalMessages) {
  const paragraphs = set.sections.reduce((sum, s) => sum + s.paragraphs.length, 0);
  const [pdf, pdfMs] = await time(() => finalPdf(set));
  const [markdown, mdMs] = await time(() => finalMarkdown(set));
  console.info(
    `  ${label}: ${paragraphs} paragraphs · PDF ${ms(pdfMs)}, ${kb(pdf.length)} · Markdown ${ms(mdMs)}, ${kb(Buffer.byteLength(markdown))}`,
  );
}

const [from, to] = versions();
const runs: number[] = [];
let counts = {};
for (let i = 0; i < 5; i++) {
  const [diff, took] = await time(() => diffVersions(from, to));
  runs.push(took);
  counts = diff.counts;
}
console.info(`Messages bench`);
console.info(`  diff of two ${PARAGRAPHS}-paragraph versions: median ${ms(median(runs))} (${JSON.stringify(counts)})`);

const scenario = await createFinalScenario(db);
const set = (await getFinalMessages(scenario.set.slug))!;
await downloads("final set of the factory", set);
const template = set.sections[0]!.paragraphs[0]!;
const sources = Array.from({ length: 5 }, (_, i) => ({
  available: true as const,
  reference: `BENCH-${String(i + 1).padStart(4, "0")}`,
  author: i % 2 ? null : { name: `Bench Author ${i + 1}`, organisation: "Bench Network", onBehalfOf: null },
  stakeholderGroup: "CIVIL_SOCIETY" as const,
  region: "AFRICA" as const,
  quote: SENTENCES[i]!,
  signatories: null,
}));
const grown: FinalMessages = {
  ...set,
  sections: Array.from({ length: 10 }, (_, s) => ({
    sectionId: `s${s}`,
    heading: `Section ${s + 1}`,
    lang: set.lang,
    paragraphs: Array.from({ length: PARAGRAPHS / 10 }, (_, i) => {
      const n = s * (PARAGRAPHS / 10) + i;
      return { ...template, paragraphId: `p${n}`, number: n + 1, body: `**${SENTENCES[n % 7]}** ${body(n)}`, sources };
    }),
  })),
};
await downloads("grown to 300 paragraphs, 5 sources each", grown);
await disconnectDb();
