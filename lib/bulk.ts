// One item of a bulk action inside its transaction: run in a savepoint, so an item refused for its state (a
// Conflict: someone acted first, already cited…) leaves nothing half-written and the others go on. Any other
// error ends the whole action, as it would a single one. Used by bulk moderation (lib/moderation/engine.ts) and
// by citing several excerpts at once (lib/messages/citations.ts).
import "server-only";
import type { DbClient } from "@/lib/db";
import { isAppError, type PlainCode } from "@/lib/errors";

export async function skippingConflicts<T>(
  tx: Pick<DbClient, "$executeRaw">,
  run: () => Promise<T>,
): Promise<{ done: true; value: T } | { done: false; code: PlainCode }> {
  await tx.$executeRaw`SAVEPOINT bulk_item`;
  try {
    const value = await run();
    await tx.$executeRaw`RELEASE SAVEPOINT bulk_item`;
    return { done: true, value };
  } catch (error) {
    if (!isAppError(error, "conflict")) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT bulk_item`;
    return { done: false, code: error.code as PlainCode };
  }
}
