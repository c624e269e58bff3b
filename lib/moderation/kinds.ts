// Every moderated item kind, for what applies to all of them at once: a call's lowered report threshold.
// A new kind of moderated item is added here.
import "server-only";
import { commentKind } from "@/lib/comments/kind";
import type { DbClient } from "@/lib/db";
import { hideOverThreshold } from "./engine";
import { responseKind } from "./response-kind";

export const MODERATED_KINDS = [responseKind, commentKind] as const;

/** The call's public items of every kind already over a lowered threshold, hidden by the system; how many. */
export async function hideAllOverThreshold(tx: DbClient, callId: string, threshold: number, now = new Date()) {
  let hidden = 0;
  for (const kind of MODERATED_KINDS) hidden += await hideOverThreshold(tx, kind, callId, threshold, now);
  return hidden;
}
