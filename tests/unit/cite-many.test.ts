// Citing several excerpts in one paragraph at once (lib/messages/citations.ts, citeMany): each is cited, or
// skipped with its reason (already cited, hidden since), in one transaction; an excerpt of another forum
// refuses the whole action as unknown; nobody without the right in the forum changes anything.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { cite, citeMany } from "@/lib/messages/citations";
import { addParagraph } from "@/lib/messages/paragraphs";
import { addSection } from "@/lib/messages/sections";
import { createMessageSet } from "@/lib/messages/sets";
import { createCall } from "@/prisma/factories";
import { createExcerpt, createSourceResponse } from "@/prisma/factories-messages";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

describe("citing several excerpts at once", () => {
  it("cites the ticked excerpts, skips those that may not be, and refuses what the actor may not touch", async () => {
    const call = await createCall(db);
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const set = await createMessageSet(facilitator, { callId: call.id, title: "Messages" });
    const section = await addSection(facilitator, { setId: set.id, heading: "Capacity" });
    const paragraph = await addParagraph(facilitator, {
      sectionId: section.id,
      body: "Capacity building must reach small CERTs.",
    });
    const excerpts = [];
    for (let i = 0; i < 5; i++) {
      const response = await createSourceResponse(db, { callId: call.id });
      excerpts.push(await createExcerpt(db, { responseId: response.id, questionId: response.questionId }));
    }
    const hidden = await createSourceResponse(db, { callId: call.id, moderationState: "HIDDEN" });
    const hiddenExcerpt = await createExcerpt(db, { responseId: hidden.id, questionId: hidden.questionId });
    await cite(facilitator, { paragraphId: paragraph.id, excerptId: excerpts[0]!.id });

    const ids = [...excerpts.map((e) => e.id), hiddenExcerpt.id];
    for (const who of [await actor("STAKEHOLDER"), await appointee(call.forumId, "OBSERVER")])
      await expect(citeMany(who, { paragraphId: paragraph.id, excerptIds: ids })).rejects.toMatchObject({ kind: "forbidden" });
    const elsewhere = await createCall(db);
    const foreign = await createSourceResponse(db, { callId: elsewhere.id });
    const foreignExcerpt = await createExcerpt(db, { responseId: foreign.id, questionId: foreign.questionId });
    await expect(
      citeMany(facilitator, { paragraphId: paragraph.id, excerptIds: [excerpts[1]!.id, foreignExcerpt.id] }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.citation.count({ where: { paragraphId: paragraph.id } })).toBe(1);

    const outcome = await citeMany(facilitator, { paragraphId: paragraph.id, excerptIds: ids });
    expect(outcome.cited.sort()).toEqual(
      excerpts
        .slice(1)
        .map((e) => e.id)
        .sort(),
    );
    expect(outcome.skipped.map((s) => s.code).sort()).toEqual(["alreadyCited", "citeHidden"]);
    expect(await db.citation.count({ where: { paragraphId: paragraph.id } })).toBe(5);
    expect(await db.auditEntry.count({ where: { action: "citation.create", actorId: facilitator.id } })).toBe(5);
  });
});
