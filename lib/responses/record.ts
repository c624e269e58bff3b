// The bookkeeping of a submission, shared by the submit use case, the demo seed and the test factories:
// a receipt number from the call's counter, a kept copy of each submitted version, and the search index.
// Call these inside a transaction that holds the response row (SELECT … FOR UPDATE or a fresh insert).
// No "server-only" here: the seed runs outside Next.js.
import type { DbClient } from "@/lib/db";
import { indexableText, searchConfiguration } from "./search-language";

/** Takes the call's next receipt number atomically: "CYB26-0042". Two submissions never share one. */
export async function assignReference(tx: DbClient, callId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ prefix: string; number: number }[]>`
    UPDATE calls SET "lastReference" = "lastReference" + 1 WHERE id = ${callId}
    RETURNING "referencePrefix" AS prefix, "lastReference" AS number`;
  if (!row) throw new Error(`assignReference: no call ${callId}`);
  return `${row.prefix}-${String(row.number).padStart(4, "0")}`;
}

/**
 * Saves the response's current answers as its next version and refreshes its search index.
 * @returns the new version number.
 */
export async function recordVersion(tx: DbClient, responseId: string, submittedAt: Date): Promise<number> {
  const response = await tx.response.findUniqueOrThrow({
    where: { id: responseId },
    select: {
      version: true,
      firstSubmittedAt: true,
      consent: true,
      answers: { select: { questionId: true, text: true, choices: true }, orderBy: { question: { position: "asc" } } },
    },
  });
  const version = response.version + 1;
  // Only called by a submission, which requires a consent choice (buildSubmissionSchema).
  if (!response.consent) throw new Error(`recordVersion: response ${responseId} has no consent`);
  await tx.responseVersion.create({
    data: { responseId, version, consent: response.consent, submittedAt, answers: response.answers },
    select: { id: true },
  });
  // The earliest submission of its versions: its arrival in the growth chart (lib/insights/source.ts).
  const first = response.firstSubmittedAt;
  const firstSubmittedAt = first && first < submittedAt ? first : submittedAt;
  await tx.response.update({ where: { id: responseId }, data: { version, firstSubmittedAt }, select: { id: true } });
  await refreshSearchIndex(tx, responseId);
  return version;
}

/**
 * The search index holds the answers' text and chosen options, never the author's name, in the text-search
 * configuration of the response's language (./search-language.ts: Chinese is cut into words first).
 */
export async function refreshSearchIndex(tx: DbClient, responseId: string) {
  const { language, answers } = await tx.response.findUniqueOrThrow({
    where: { id: responseId },
    select: {
      language: true,
      answers: { select: { text: true, choices: true }, orderBy: { question: { position: "asc" } } },
    },
  });
  const text = answers.map((answer) => [answer.text, ...answer.choices].join(" ")).join(" ");
  await tx.$executeRaw`
    UPDATE responses SET "searchVector" = to_tsvector(${searchConfiguration(language)}::regconfig, ${indexableText(text, language)})
    WHERE id = ${responseId}`;
}
