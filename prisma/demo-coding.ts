// Demo tags and excerpts on the open demo call: the themes BPF facilitators look for, and about ten passages
// quoted from the demo answers (each a whole sentence found in the real answer text, offsets computed from
// it). Idempotent: tags are upserted by (call, name), excerpts by their offsets, response tags by their key.
import type { Db } from "@/lib/db";
import { DEMO_CALLS, DEMO_DOMAIN, DEMO_PEOPLE } from "./demo-content";
import { createExcerpt, createTag } from "./factories-coding";

const DEMO_TAGS = [
  {
    name: "capacity building",
    description: "Training, skills, tools and funding that let people take part and act.",
    pattern: /capacity|training|skills/i,
  },
  {
    name: "human rights",
    description: "Rights online: privacy, freedom of expression, protection of at-risk groups.",
    pattern: /human rights|privacy|freedom/i,
  },
  {
    name: "confidence-building measures",
    description: "Trust between actors: transparency, information sharing, points of contact.",
    pattern: /trust|transparen|shar(e|ing) information|point of contact/i,
  },
  {
    name: "norm implementation",
    description: "How agreed norms are put into practice, and what stops them.",
    pattern: /implement|in practice|national practice/i,
  },
] as const;

const EXCERPTS_PER_TAG = 3;
const MAX_QUOTE = 400;

/** Whole sentences of an answer, with their offsets in its text. */
function sentences(text: string) {
  const found: { start: number; end: number; quote: string }[] = [];
  for (const match of text.matchAll(/[^.!?\n]+[.!?]?/g)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const quote = raw.trim();
    if (quote.length >= 20 && quote.length <= MAX_QUOTE)
      found.push({ start: match.index + lead, end: match.index + lead + quote.length, quote });
  }
  return found;
}

export async function seedDemoCoding(db: Db) {
  const open = DEMO_CALLS.find((call) => call.key === "open")!;
  const call = await db.call.findUnique({ where: { slug: open.slug }, select: { id: true } });
  if (!call) return;
  const moderatorEmail = DEMO_PEOPLE.find((person) => person.role === "MODERATOR")?.email ?? "";
  const moderator = await db.user.findUnique({ where: { email: moderatorEmail }, select: { id: true } });
  const responses = await db.response.findMany({
    where: { callId: call.id, status: "SUBMITTED", author: { email: { endsWith: `@${DEMO_DOMAIN}` } } },
    orderBy: { reference: "asc" },
    select: { id: true, answers: { orderBy: { question: { position: "asc" } }, select: { questionId: true, text: true } } },
  });
  const quoted = new Set<string>();
  for (const spec of DEMO_TAGS) {
    const tag = await createTag(db, { callId: call.id, name: spec.name, description: spec.description });
    let count = 0;
    for (const response of responses) {
      if (count >= EXCERPTS_PER_TAG) break;
      const hit = response.answers.flatMap((answer) =>
        sentences(answer.text)
          .filter((s) => spec.pattern.test(s.quote))
          .map((s) => ({ ...s, questionId: answer.questionId })),
      )[0];
      const key = hit && `${response.id}:${hit.questionId}:${hit.start}`;
      if (!hit || quoted.has(key!)) continue;
      quoted.add(key!);
      count++;
      await createExcerpt(db, {
        responseId: response.id,
        questionId: hit.questionId,
        quote: hit.quote,
        tagIds: [tag.id],
        createdById: moderator?.id,
        note: count === 1 ? `A clear example of ${spec.name}.` : "",
      });
      // The first response quoted for a theme carries the tag as a whole, too.
      if (count === 1)
        await db.responseTag.upsert({
          where: { responseId_tagId: { responseId: response.id, tagId: tag.id } },
          create: { responseId: response.id, tagId: tag.id, taggedById: moderator?.id ?? null },
          update: {},
        });
    }
  }
}
