// Factories for the open data API's tests: a message set with frozen versions (published or not), shaped
// as lib/api/message-sets.ts reads them. The message-set editor's own factories may supersede this one.
import type { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

export type FrozenCitation = {
  responseId: string | null;
  excerptId: string | null;
  reference: string;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  quote: string | null;
};
export type FrozenSection = { heading: string; paragraphs: { paragraphId: string; body: string; citations: FrozenCitation[] }[] };

/** A citation of a whole response (or of a quote from it), with the copies a real citation keeps. */
export function citationOf(
  response: { id: string; reference: string | null; stakeholderGroup: StakeholderGroup | null; region: UnRegion | null },
  quote: string | null = null,
): FrozenCitation {
  return {
    responseId: response.id,
    excerptId: null,
    reference: response.reference ?? "",
    stakeholderGroup: response.stakeholderGroup,
    region: response.region,
    quote,
  };
}

/** A message set of a call with the given versions, numbered from 1; `publishedAt: null` for a draft one. */
export async function createMessageSet(
  client: DbClient,
  overrides: {
    callId: string;
    slug?: string;
    title?: string;
    introduction?: string;
    versions?: { content: FrozenSection[]; publishedAt: Date | null; summary?: string }[];
  },
) {
  const suffix = uniqueSuffix();
  const set = await client.messageSet.create({
    data: {
      callId: overrides.callId,
      slug: overrides.slug ?? `test-messages-${suffix}`,
      title: overrides.title ?? `Draft messages ${suffix}`,
      introduction: overrides.introduction ?? "Messages compiled from the contributions received.",
      status: overrides.versions?.some((v) => v.publishedAt) ? "PUBLISHED" : "DRAFT",
      versions: {
        create: (overrides.versions ?? []).map((version, index) => ({
          number: index + 1,
          content: version.content,
          publishedAt: version.publishedAt,
          summary: version.summary ?? "",
        })),
      },
    },
    select: { id: true, slug: true, title: true },
  });
  return set;
}
