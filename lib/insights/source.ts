// What participation is counted over. Today: the submitted responses of a call. Comment periods on draft
// messages will add a source of their own; everything downstream (shares, growth, targets, suppression)
// only sees the rows a source yields: one per item, with the group, region and first arrival of its author.
import "server-only";
import { db } from "@/lib/db";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

export type ItemSource = { kind: "responses"; callId: string };

export type SourceItem = { group: StakeholderGroup | null; region: UnRegion | null; arrivedAt: Date };

export const responsesOf = (callId: string): ItemSource => ({ kind: "responses", callId });

/**
 * Submitted responses, private ones included (aggregates only, never who). A response arrives when it is
 * first submitted (its version 1): editing it later does not move it in the growth chart.
 */
async function responseItems(callId: string): Promise<SourceItem[]> {
  const rows = await db.$queryRaw<{ group: StakeholderGroup | null; region: UnRegion | null; arrivedAt: Date }[]>`
    SELECT r."stakeholderGroup" AS "group", r.region,
           coalesce((SELECT min(v."submittedAt") FROM response_versions v WHERE v."responseId" = r.id), r."submittedAt") AS "arrivedAt"
    FROM responses r
    WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED'`;
  return rows;
}

export async function loadItems(source: ItemSource): Promise<SourceItem[]> {
  switch (source.kind) {
    case "responses":
      return responseItems(source.callId);
  }
}
