// Which tags (the "norm elements") appear most often, and in whose contributions: for each tag of a call, the
// distinct submitted responses that carry it, directly or through one of their excerpts, counted by SQL per
// stakeholder group and region. A response has one group and one region, so the cells add up to the total.
import "server-only";
import { forumOf } from "@/lib/auth/forum-of";
import { authorizeIn } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { Curator } from "./access";

export type TagFrequency = {
  tagId: string;
  name: string;
  /** Distinct submitted responses carrying the tag. */
  total: number;
  byGroup: Partial<Record<StakeholderGroup, number>>;
  byRegion: Partial<Record<UnRegion, number>>;
};

type Cell = { tagId: string; name: string; group: StakeholderGroup | null; region: UnRegion | null; responses: number };

/** Every tag of the call, the most used first (then by name); unused tags count 0. */
export async function tagFrequency(actor: Curator, callId: string): Promise<TagFrequency[]> {
  authorizeIn(actor, "forum.read", await forumOf(db, "call", callId), "callNotFound");
  const cells = await db.$queryRaw<Cell[]>`
    WITH tagged AS (
      SELECT rt."tagId", rt."responseId" FROM response_tags rt
      UNION
      SELECT et."tagId", e."responseId" FROM excerpt_tags et JOIN excerpts e ON e.id = et."excerptId"
    )
    SELECT t.id AS "tagId", t.name, r."stakeholderGroup"::text AS "group", r.region::text AS region,
           COUNT(DISTINCT r.id)::int AS responses
    FROM tags t
    LEFT JOIN tagged x ON x."tagId" = t.id
    LEFT JOIN responses r ON r.id = x."responseId" AND r.status = 'SUBMITTED' AND r."callId" = t."callId"
    WHERE t."callId" = ${callId}
    GROUP BY t.id, t.name, r."stakeholderGroup", r.region`;
  const byTag = new Map<string, TagFrequency>();
  for (const cell of cells) {
    const row = byTag.get(cell.tagId) ?? { tagId: cell.tagId, name: cell.name, total: 0, byGroup: {}, byRegion: {} };
    byTag.set(cell.tagId, row);
    if (!cell.responses) continue;
    row.total += cell.responses;
    if (cell.group) row.byGroup[cell.group] = (row.byGroup[cell.group] ?? 0) + cell.responses;
    if (cell.region) row.byRegion[cell.region] = (row.byRegion[cell.region] ?? 0) + cell.responses;
  }
  return [...byTag.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}
