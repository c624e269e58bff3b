// The demo tags and excerpts: quotes taken from the real demo answers at their offsets, and a second seed
// run adds nothing.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { DEMO_CALLS } from "@/prisma/demo-content";
import { seedDemo } from "@/prisma/seed";

afterAll(disconnectDb);
const slug = DEMO_CALLS.find((call) => call.key === "open")!.slug;

const demoRows = async () => ({
  tags: await db.tag.findMany({ where: { call: { slug } }, orderBy: { name: "asc" }, select: { name: true } }),
  excerpts: await db.excerpt.findMany({
    where: { response: { call: { slug } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      responseId: true,
      questionId: true,
      start: true,
      end: true,
      quote: true,
      tags: { select: { tagId: true } },
    },
  }),
  responseTags: await db.responseTag.count({ where: { tag: { call: { slug } } } }),
});

describe("the demo coding", () => {
  it("tags the open call and quotes real passages, idempotently", async () => {
    await seedDemo(db, { quiet: true });
    const first = await demoRows();
    await seedDemo(db, { quiet: true });
    const second = await demoRows();
    expect(second).toEqual(first);
    expect(first.tags.map((t) => t.name)).toEqual(
      expect.arrayContaining(["capacity building", "confidence-building measures", "human rights", "norm implementation"]),
    );
    expect(first.excerpts.length).toBeGreaterThanOrEqual(8);
    expect(first.responseTags).toBeGreaterThanOrEqual(4);
    for (const excerpt of first.excerpts) {
      const answer = await db.answer.findUniqueOrThrow({
        where: { responseId_questionId: { responseId: excerpt.responseId, questionId: excerpt.questionId } },
        select: { text: true },
      });
      expect(answer.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.quote);
      expect(excerpt.tags.length).toBeGreaterThan(0);
    }
  });
});
