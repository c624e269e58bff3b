// Splitting a paragraph asks which part each citation stands behind (lib/messages/paragraphs.ts): the first
// part only, the new second part only (it moves), or both (a copy). Unnamed ones stay on both; a form that
// names a citation the paragraph no longer has is stale and refused.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { cite } from "@/lib/messages/citations";
import { splitParagraph } from "@/lib/messages/paragraphs";
import { createSourceResponse } from "@/prisma/factories-messages";
import { createSetWithParagraphs } from "@/prisma/factories-versions";
import { actor } from "./helpers";

afterAll(disconnectDb);

const BODY = "Funding must be predictable. Training must reach small CERTs.";

describe("splitting a paragraph with citations", () => {
  it("puts each citation on the part the moderator chose, and both where nothing was chosen", async () => {
    const moderator = await actor("MODERATOR");
    const {
      call,
      paragraphs: [p],
    } = await createSetWithParagraphs(moderator, [["Capacity", [BODY]]]);
    const source = () => createSourceResponse(db, { callId: call.id });
    const [funding, training, general, unnamed] = [await source(), await source(), await source(), await source()];
    for (const response of [funding, training, general, unnamed])
      await cite(moderator, { paragraphId: p!.id, responseId: response.id });
    const citationOf = async (responseId: string) =>
      (await db.citation.findFirstOrThrow({ where: { paragraphId: p!.id, responseId }, select: { id: true } })).id;
    const citations = {
      [await citationOf(funding.id)]: "first" as const,
      [await citationOf(training.id)]: "second" as const,
      [await citationOf(general.id)]: "both" as const,
    };

    // A form naming a citation this paragraph does not have is stale.
    await expect(
      splitParagraph(moderator, { paragraphId: p!.id, at: 29, length: BODY.length, citations: { "not-a-citation": "first" } }),
    ).rejects.toMatchObject({ code: "paragraphChanged" });

    const { created } = await splitParagraph(moderator, { paragraphId: p!.id, at: 29, length: BODY.length, citations });
    const citedBy = async (paragraphId: string) =>
      (await db.citation.findMany({ where: { paragraphId }, select: { responseId: true } })).map((c) => c.responseId).sort();
    expect(await citedBy(p!.id)).toEqual([funding.id, general.id, unnamed.id].sort());
    expect(await citedBy(created.id)).toEqual([training.id, general.id, unnamed.id].sort());

    const entry = await db.auditEntry.findFirstOrThrow({
      where: { itemId: p!.id, action: "messageParagraph.split" },
      select: { after: true },
    });
    expect((entry.after as { citations: Record<string, string> }).citations).toMatchObject(citations);
  });
});
