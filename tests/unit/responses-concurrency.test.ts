// Concurrent edits of one response: twenty submits at once with different keys, as from several tabs, a
// retrying connection or a script. Each must end with its own version or the clear "a newer edit arrived"
// conflict — never Prisma's "Unable to start a transaction in the given time" behind "Something went wrong".
import { randomUUID } from "node:crypto";
import pg from "pg";
import errors from "@/lib/i18n/messages/en/errors.json";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { EDIT_LOCK_WAIT_MS } from "@/lib/responses/serial";
import { getOrCreateDraft, listOwnVersions, submitResponse, type SubmitResult } from "@/lib/responses/responses";
import { createCall, createQuestion } from "@/prisma/factories";
import { actor } from "./helpers";
import { withTemporaryOutbox } from "./outbox";

withTemporaryOutbox("concurrent-edits");
afterAll(disconnectDb);

type Outcome = { ok: true; result: SubmitResult } | { ok: false; error: unknown };

/**
 * Holds the response's row lock on a connection of its own, as a slow edit on another instance does.
 * Resolves once the lock is held, so the submits start after it. The release comes back wrapped in an
 * object: an async function returning the promise itself would adopt it and resolve only at release.
 */
async function holdRowLock(responseId: string, milliseconds: number): Promise<{ released: Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rowCount } = await client.query("SELECT id FROM responses WHERE id = $1 FOR UPDATE", [responseId]);
    expect(rowCount).toBe(1);
  } catch (error) {
    await client.end();
    throw error;
  }
  const released = (async () => {
    try {
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  })();
  return { released };
}

describe("concurrent submits of one response", () => {
  it("gives each of 20 submits with different keys its version or the newer-edit conflict", async () => {
    const me = await actor();
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id, type: "LONG_TEXT", required: true, maxLength: 5000 });
    const { response } = await getOrCreateDraft(me, call.slug);
    const responseId = response!.id;
    // While the row is held, the twenty arrive: with the pool's 10 connections, the old code let ten of
    // them sit on a connection waiting for the lock and the others fail to start a transaction in time.
    const { released: lockReleased } = await holdRowLock(responseId, 3000);
    const outcomes: Outcome[] = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        submitResponse(me, {
          responseId,
          answers: { [`q_${question.id}`]: `Edit number ${index}` },
          consent: "PUBLISH_NAMED",
          submitKey: randomUUID(),
        }).then(
          (result): Outcome => ({ ok: true, result }),
          (error: unknown): Outcome => ({ ok: false, error }),
        ),
      ),
    );
    await lockReleased;

    for (const outcome of outcomes) {
      if (outcome.ok) continue;
      expect(outcome.error, String(outcome.error)).toBeInstanceOf(AppError);
      expect(outcome.error).toMatchObject({ kind: "conflict", code: "newerEdit" });
    }
    const oks = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
    expect(oks.length).toBeGreaterThan(0);
    expect(oks.every((result) => !result.replayed)).toBe(true);
    // Each success made exactly one version: distinct numbers, the same as the kept versions.
    const kept = (await listOwnVersions(me, responseId)).map((version) => version.version).sort((a, b) => a - b);
    expect(kept).toHaveLength(oks.length);
    expect(oks.map((result) => result.version).sort((a, b) => a - b)).toEqual(kept);
    expect(new Set(oks.map((result) => result.reference)).size).toBe(1);
    // What the form shows for the conflict (defineAction translates the code with the Errors catalog).
    expect(errors.Errors.newerEdit).toBe("A newer edit of this response arrived while saving yours. Reload to see it.");
  });

  it("answers the newer-edit conflict when another instance holds the response longer than the lock wait", async () => {
    const me = await actor();
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id, type: "LONG_TEXT", required: true, maxLength: 5000 });
    const { response } = await getOrCreateDraft(me, call.slug);
    const { released: lockReleased } = await holdRowLock(response!.id, EDIT_LOCK_WAIT_MS + 1500);
    const started = Date.now();
    await expect(
      submitResponse(me, {
        responseId: response!.id,
        answers: { [`q_${question.id}`]: "Blocked" },
        consent: "PUBLISH_NAMED",
        submitKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ kind: "conflict", message: "newerEdit" });
    expect(Date.now() - started).toBeLessThan(EDIT_LOCK_WAIT_MS + 1000);
    await lockReleased;
    expect(await listOwnVersions(me, response!.id)).toHaveLength(0);
  });
});
