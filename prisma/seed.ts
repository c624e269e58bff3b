// The demo data: `npm run db:seed` runs this file, and the start script calls `seedDemo` on first start.
// Idempotent: every row is upserted by a stable key (forum and call slug, (callId, position), user email,
// (callId, authorId), (responseId, questionId)), so a second run changes no counts. It never deletes: rows
// people created, including responses to the demo calls, are left alone. Seed-owned rows (the demo
// accounts' roles and profiles, the demo calls and questions, the respondents' responses) are reset to
// the content in prisma/demo-content.ts, and the open call's dates move so it is open again.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { db as appDb, disconnectDb, type Db } from "@/lib/db";
import { seedDemoClusters } from "./demo-clusters";
import { DEMO_CALLS, DEMO_DOMAIN, DEMO_FORUM, DEMO_PEOPLE, type DemoCallKey } from "./demo-content";
import { DEMO_COALITION, seedDemoForums } from "./demo-forums";
import { seedDemoInsights } from "./demo-insights";
import { seedDemoModeration } from "./demo-moderation";
import { seedDemoCoding } from "./demo-coding";
import { seedDemoComments } from "./demo-comments";
import { seedDemoFinalMessages } from "./demo-final";
import { seedDemoGlossary } from "./demo-glossary";
import { seedDemoMessages } from "./demo-messages";
import { seedDemoTranslations } from "./demo-translations";
import { createCall, createForum, createQuestion, createResponse, createUser } from "./factories";
import type { DbClient } from "@/lib/db";

const DAY = 24 * 60 * 60 * 1000;

export type SeedSummary = { forums: number; calls: number; responses: number; accounts: number };

/** Writes the demo consultation in one transaction and returns the counts of its rows. */
export async function seedDemo(db: Db, { quiet = false }: { quiet?: boolean } = {}): Promise<SeedSummary> {
  checkDemoContent();
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);

  const summary = await db.$transaction(
    async (tx) => {
      const forum = await createForum(tx, DEMO_FORUM);
      const calls = new Map<DemoCallKey, { id: string; questionIds: string[] }>();
      for (const call of DEMO_CALLS) {
        const { id } = await createCall(tx, {
          forumId: forum.id,
          slug: call.slug,
          title: call.title,
          introduction: call.introduction,
          referencePrefix: call.referencePrefix,
          thematicTrack: call.thematicTrack,
          timeZone: call.timeZone,
          publishedAt: at(-call.publishedDaysAgo),
          opensAt: at(-call.opensDaysAgo),
          closesAt: at(call.closesInDays),
        });
        const questionIds: string[] = [];
        for (const [index, { options, ...question }] of call.questions.entries()) {
          const created = await createQuestion(tx, {
            callId: id,
            position: index + 1,
            ...question,
            options: options ? [...options] : [],
          });
          questionIds.push(created.id);
        }
        calls.set(call.key, { id, questionIds });
      }

      for (const person of DEMO_PEOPLE) {
        const user = await createUser(tx, { email: person.email, role: person.role, profile: person.profile });
        for (const response of person.responses) {
          const call = calls.get(response.call)!;
          await createResponse(tx, {
            callId: call.id,
            authorId: user.id,
            status: response.status,
            consent: response.consent,
            submittedAt: response.submittedDaysAgo === undefined ? undefined : at(-response.submittedDaysAgo),
            answers: Object.entries(response.answers).map(([position, answer]) => ({
              questionId: call.questionIds[Number(position) - 1]!,
              ...(typeof answer === "string" ? { text: answer } : { choices: [...(answer ?? [])] }),
            })),
          });
        }
      }
      await seedDemoForums(tx);
      await seedDemoGlossary(tx);
      await seedDemoModeration(tx);
      await seedDemoMessages(tx);
      await seedDemoFinalMessages(tx);
      await seedDemoComments(tx);
      await seedDemoTranslations(tx);
      return countDemoRows(tx);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  await seedDemoInsights(db);
  await seedDemoCoding(db);
  await seedDemoClusters(db);

  if (!quiet) {
    console.log(
      `Demo data: ${summary.forums} forums, ${summary.calls} calls, ${summary.responses} responses, ` +
        `${summary.accounts} accounts (sign in as stakeholder@, facilitator@, observer@, coalition@, moderator@ or ` +
        `admin@${DEMO_DOMAIN}).`,
    );
  }
  return summary;
}

/** The seed's own rows: the demo forum and calls, and the responses and accounts of the demo domain. */
export async function countDemoRows(client: DbClient): Promise<SeedSummary> {
  const slugs = DEMO_CALLS.map((call) => call.slug);
  const demoEmail = { endsWith: `@${DEMO_DOMAIN}` };
  // One after another: queries inside an interactive transaction share one connection.
  return {
    forums: await client.forum.count({ where: { slug: { in: [DEMO_FORUM.slug, DEMO_COALITION.slug] } } }),
    calls: await client.call.count({ where: { slug: { in: slugs } } }),
    responses: await client.response.count({ where: { call: { slug: { in: slugs } }, author: { email: demoEmail } } }),
    accounts: await client.user.count({ where: { email: demoEmail } }),
  };
}

/** Catches mistakes in demo-content.ts before anything is written. */
function checkDemoContent() {
  const problems: string[] = [];
  const emails = new Set<string>();
  for (const person of DEMO_PEOPLE) {
    if (emails.has(person.email)) problems.push(`${person.email} appears twice`);
    emails.add(person.email);
    for (const response of person.responses) {
      const call = DEMO_CALLS.find((c) => c.key === response.call)!;
      const where = `${person.email} → ${call.slug}`;
      if (person.responses.filter((r) => r.call === response.call).length > 1) problems.push(`${where}: two responses`);
      const submitted = response.status === "SUBMITTED";
      const daysAgo = response.submittedDaysAgo;
      if (submitted !== (daysAgo !== undefined)) problems.push(`${where}: submittedDaysAgo goes with SUBMITTED`);
      if (daysAgo !== undefined && (daysAgo >= call.opensDaysAgo || -daysAgo >= call.closesInDays)) {
        problems.push(`${where}: submitted outside the call's opening hours`);
      }
      call.questions.forEach((question, index) => {
        const answer = response.answers[index + 1];
        const isChoice = question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE";
        if (answer === undefined) {
          if (submitted && question.required) problems.push(`${where}: question ${index + 1} is required`);
        } else if (isChoice !== (typeof answer !== "string")) {
          problems.push(`${where}: question ${index + 1} takes ${isChoice ? "choices" : "text"}`);
        } else if (typeof answer === "string") {
          if (answer.length > (question.maxLength ?? Infinity)) problems.push(`${where}: question ${index + 1} too long`);
        } else {
          const max = question.type === "SINGLE_CHOICE" ? 1 : (question.maxChoices ?? Infinity);
          if (answer.length === 0 || answer.length > max) problems.push(`${where}: question ${index + 1} choice count`);
          for (const choice of answer) {
            if (!question.options?.includes(choice)) problems.push(`${where}: "${choice}" is not an option`);
          }
        }
      });
      for (const position of Object.keys(response.answers)) {
        if (!call.questions[Number(position) - 1]) problems.push(`${where}: no question ${position}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Invalid demo content:\n${problems.join("\n")}`);
}

function isMainModule() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  try {
    await seedDemo(appDb);
  } catch (error) {
    console.error("Seeding the demo data failed:", error);
    process.exitCode = 1;
  } finally {
    await disconnectDb();
  }
}
