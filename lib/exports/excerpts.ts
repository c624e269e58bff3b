// Moderators' excerpts of a call, one row per excerpt, in the order they were made (createdAt, id). Never
// public: quotes, notes and tags are working material. `sourceStatus` says whether the answer still reads
// the same at [start, end): "unchanged", "changed" (the author edited it since) or "withdrawn".
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BATCH_SIZE } from "./limits";
import type { ReadOptions } from "./responses";
import { keysetBatches, type Column, type Dataset } from "./stream";

const COLUMNS = [
  "reference",
  "questionPosition",
  "question",
  "quote",
  "start",
  "end",
  "note",
  "tags",
  "sourceVersion",
  "sourceStatus",
  "createdAt",
];

type Key = { id: string; createdAt: Date };

const after = (last: Key | null): Prisma.ExcerptWhereInput =>
  last ? { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] } : {};

export function moderatorExcerpts(callId: string, options: ReadOptions = {}): Dataset {
  const size = options.batchSize ?? BATCH_SIZE;
  const read = (last: Key | null) =>
    db.excerpt.findMany({
      where: { AND: [{ response: { callId } }, after(last)] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: size,
      select: {
        id: true,
        responseId: true,
        questionId: true,
        start: true,
        end: true,
        quote: true,
        note: true,
        sourceVersion: true,
        createdAt: true,
        response: { select: { reference: true, status: true } },
        question: { select: { position: true, prompt: true } },
        tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { name: true } } } },
      },
    });
  return {
    columns: COLUMNS.map((key): Column => ({ key, label: key })),
    async *batches() {
      for await (const rows of keysetBatches(read, size)) {
        const answers = await db.answer.findMany({
          where: { responseId: { in: rows.map((r) => r.responseId) }, questionId: { in: rows.map((r) => r.questionId) } },
          select: { responseId: true, questionId: true, text: true },
        });
        const text = new Map(answers.map((a) => [`${a.responseId} ${a.questionId}`, a.text]));
        yield rows.map((r) => {
          const source = text.get(`${r.responseId} ${r.questionId}`) ?? "";
          const sourceStatus =
            r.response.status === "WITHDRAWN" ? "withdrawn" : source.slice(r.start, r.end) === r.quote ? "unchanged" : "changed";
          return {
            reference: r.response.reference,
            questionPosition: r.question.position,
            question: r.question.prompt,
            quote: r.quote,
            start: r.start,
            end: r.end,
            note: r.note,
            tags: r.tags.map((t) => t.tag.name),
            sourceVersion: r.sourceVersion,
            sourceStatus,
            createdAt: r.createdAt.toISOString(),
          };
        });
      }
    },
  };
}
