// How a call's contributions arrived: through the form, by email, on a mailing list, in a session, by letter,
// counted over the contributions that count (lib/responses/counted.ts), with the speakers of the sessions by
// stakeholder group. Exact figures, for the moderators' participation page only.
import "server-only";
import { db } from "@/lib/db";
import type { ContributionChannel, StakeholderGroup } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { countedSql } from "@/lib/responses/counted";

export const CHANNELS: ContributionChannel[] = ["FORM", "EMAIL", "MAILING_LIST", "SESSION", "LETTER"];

export type ChannelCounts = {
  byChannel: Record<ContributionChannel, number>;
  /** Speakers of the call's sessions that count, by group. */
  speakers: Record<StakeholderGroup, number>;
};

export async function countByChannel(callId: string): Promise<ChannelCounts> {
  const [channels, speakers] = await Promise.all([
    db.$queryRaw<{ channel: ContributionChannel; n: number }[]>`
      SELECT r.channel::text AS channel, count(*)::int AS n FROM responses r
      WHERE r."callId" = ${callId} AND ${countedSql("r")} GROUP BY r.channel`,
    db.$queryRaw<{ group: StakeholderGroup; n: number }[]>`
      SELECT s."stakeholderGroup"::text AS "group", sum(s.count)::int AS n
      FROM session_speakers s JOIN responses r ON r.id = s."responseId"
      WHERE r."callId" = ${callId} AND ${countedSql("r")} GROUP BY s."stakeholderGroup"`,
  ]);
  return {
    byChannel: Object.fromEntries(
      CHANNELS.map((c) => [c, channels.find((row) => row.channel === c)?.n ?? 0]),
    ) as ChannelCounts["byChannel"],
    speakers: Object.fromEntries(
      STAKEHOLDER_GROUPS.map((g) => [g, speakers.find((row) => row.group === g)?.n ?? 0]),
    ) as ChannelCounts["speakers"],
  };
}
