// Clustering bench (run by `npm run bench`, or alone: `npm run bench -- clustering`; directly:
// `DATABASE_URL=… npx tsx scripts/bench-clustering.ts [--responses N]`). Plants a call of 10,000
// responses: varied texts from the word lists plus campaigns of 500, 200, 100, 50 and 20 edited copies,
// in random order, then times clusterCall's work (read, compute, write) and prints what it found. Then a
// second call of 2,000 responses of four questions, 40 of which paste one campaign text as their answer to
// question 1 (their other answers their own): that campaign must be found in question 1's answers alone.
// The calls are deleted afterwards; the audit entries stay (the log is append-only).
import { db, disconnectDb } from "@/lib/db";
import { computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import { createCall, createQuestion } from "@/prisma/factories";
import {
  CAMPAIGN_TEXT,
  campaignCopy,
  distinctText,
  pastedCampaignRows,
  plantResponses,
  seededRandom,
  type PlantedResponse,
} from "@/prisma/factories-clusters";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RESPONSES = option("responses", 10_000);
const CAMPAIGNS = [500, 200, 100, 50, 20];
const QUESTIONS = 3;

function plan(): { rows: PlantedResponse[]; planted: number[] } {
  const rng = seededRandom(2026);
  // Each campaign has its own base text: the coalition text for the biggest, generated ones for the rest.
  const bases = CAMPAIGNS.map((_, i) => (i === 0 ? CAMPAIGN_TEXT : distinctText(rng, 10)));
  const texts = CAMPAIGNS.flatMap((size, i) =>
    Array.from({ length: size }, () => campaignCopy(bases[i]!, rng, 2 + Math.floor(rng() * 4))),
  );
  while (texts.length < RESPONSES) texts.push(distinctText(rng, 5 + Math.floor(rng() * 10)));
  for (let i = texts.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [texts[i], texts[j]] = [texts[j]!, texts[i]!];
  }
  const start = Date.now() - 20 * 24 * 3600 * 1000;
  const rows = texts.map((text, i) => {
    const sentences = text.split(/(?<=\.) /);
    const per = Math.ceil(sentences.length / QUESTIONS);
    const answers = Array.from({ length: QUESTIONS }, (_, q) => sentences.slice(q * per, (q + 1) * per).join(" "));
    return {
      texts: answers,
      submittedAt: new Date(start + i * 60_000),
      consent: i % 4 === 0 ? ("PRIVATE" as const) : ("PUBLISH_ANONYMOUS" as const),
    };
  });
  return { rows, planted: CAMPAIGNS };
}

async function main() {
  const call = await createCall(db, { title: "Clustering bench call" });
  try {
    const questions = [];
    for (let q = 0; q < QUESTIONS; q++) questions.push(await createQuestion(db, { callId: call.id }));
    const { rows, planted } = plan();
    let started = performance.now();
    await plantResponses(
      db,
      call.id,
      questions.map((q) => q.id),
      rows,
    );
    console.info(
      `Planted ${rows.length} responses (${QUESTIONS} answers each) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    started = performance.now();
    const summary = await computeClusters(db, null, call.id, systemAudit);
    const seconds = (performance.now() - started) / 1000;
    const sizes = await db.responseCluster.findMany({
      where: { callId: call.id },
      orderBy: { size: "desc" },
      select: { size: true, minScore: true, questionId: true },
    });
    console.info(`clusterCall on ${summary!.responses} responses: ${seconds.toFixed(2)} s (read, compute, write)`);
    console.info(`planted campaigns: ${planted.join(", ")}`);
    const whole = sizes.filter((c) => c.questionId === null);
    console.info(
      `found clusters:    ${whole.map((c) => c.size).join(", ")} (lowest score ${Math.min(...whole.map((c) => c.minScore)).toFixed(2)})` +
        `; in one question's answers only: ${sizes.length - whole.length}`,
    );
  } finally {
    await db.response.deleteMany({ where: { callId: call.id } });
    await db.call.delete({ where: { id: call.id } });
    await db.forum.delete({ where: { id: call.forumId } });
  }
  await pastedInOneAnswer();
  await disconnectDb();
}

/** 2,000 responses of four questions; PASTED of them carry one campaign text as their answer to question 1. */
async function pastedInOneAnswer() {
  const RESPONSES_PASTED = 2_000;
  const PASTED = 40;
  const call = await createCall(db, { title: "Clustering bench: a campaign in one answer" });
  try {
    const questions = [];
    for (let q = 0; q < 4; q++) questions.push(await createQuestion(db, { callId: call.id }));
    const rows = pastedCampaignRows(
      seededRandom(2027),
      RESPONSES_PASTED,
      (i) => i % (RESPONSES_PASTED / PASTED) === 7,
      Date.now() - 10 * 24 * 3600 * 1000,
    );
    await plantResponses(
      db,
      call.id,
      questions.map((q) => q.id),
      rows,
    );
    const started = performance.now();
    const summary = await computeClusters(db, null, call.id, systemAudit);
    const seconds = (performance.now() - started) / 1000;
    const found = await db.responseCluster.findMany({
      where: { callId: call.id },
      select: { size: true, question: { select: { position: true } } },
    });
    console.info(`clusterCall on ${summary!.responses} responses of 4 questions: ${seconds.toFixed(2)} s`);
    console.info(`planted in question 1 only: ${PASTED}`);
    console.info(
      `found:             ${found.map((c) => `${c.size} (${c.question ? `question ${c.question.position}` : "whole responses"})`).join(", ") || "none"}`,
    );
  } finally {
    await db.response.deleteMany({ where: { callId: call.id } });
    await db.call.delete({ where: { id: call.id } });
    await db.forum.delete({ where: { id: call.forumId } });
  }
}

await main();
