import { afterAll, describe, expect, it } from "vitest";
import { listForumsWithCalls } from "@/lib/calls/calls";
import { moderationHome } from "@/lib/calls/moderation-home";
import { callStatus } from "@/lib/calls/status";
import { db, disconnectDb } from "@/lib/db";
import { createCall, createForum, createResponse, createUser } from "@/prisma/factories";
import { actor } from "./helpers";

afterAll(disconnectDb);

const day = 24 * 3600 * 1000;
const now = new Date("2026-06-15T12:00:00Z");

describe("call status", () => {
  const times = { opensAt: new Date(now.getTime() - day), closesAt: new Date(now.getTime() + day) };
  it("follows publication and the clock", () => {
    expect(callStatus({ ...times, publishedAt: null }, now)).toBe("DRAFT");
    expect(callStatus({ ...times, publishedAt: now }, new Date(now.getTime() - 2 * day))).toBe("SCHEDULED");
    expect(callStatus({ ...times, publishedAt: now }, now)).toBe("OPEN");
    expect(callStatus({ ...times, publishedAt: now }, times.closesAt)).toBe("CLOSED");
  });
});

describe("calls on the home page and in moderation", () => {
  it("shows visitors published calls with submitted counts only, and moderators every call", async () => {
    const forum = await createForum(db);
    const open = await createCall(db, { forumId: forum.id });
    const draft = await createCall(db, { forumId: forum.id, publishedAt: null });
    const [a, b, c] = [await createUser(db), await createUser(db), await createUser(db)];
    await createResponse(db, { callId: open.id, authorId: a.id, status: "SUBMITTED" });
    await createResponse(db, { callId: open.id, authorId: b.id, status: "SUBMITTED" });
    await createResponse(db, { callId: open.id, authorId: c.id, status: "DRAFT" });

    const home = (await listForumsWithCalls()).find((f) => f.id === forum.id)!;
    expect(home.calls.map((call) => [call.id, call.status, call.submittedCount])).toEqual([[open.id, "OPEN", 2]]);

    const moderation = (await moderationHome(await actor("MODERATOR"))).flatMap((f) => f.calls);
    const row = moderation.find((call) => call.id === open.id)!;
    expect(row).toMatchObject({ status: "OPEN", submitted: 2, drafts: 1 });
    expect(row.groupsHeard).toBe(new Set([a, b].map((u) => u.profile?.stakeholderGroup)).size);
    expect(moderation.find((call) => call.id === draft.id)?.status).toBe("DRAFT");
  });

  it("refuses the moderation list to a stakeholder", async () => {
    await expect(moderationHome(await actor("STAKEHOLDER"))).rejects.toMatchObject({ kind: "forbidden" });
  });
});
