// Factories for the curation data the exports read: tags, clusters, excerpts and message sets (working copy
// and a frozen version). The UIs that make these rows belong to other areas; these write the tables as the
// schema describes them, with realistic defaults. Same conventions as ./factories.ts.
import type { MessageSetStatus, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

export async function createTag(client: DbClient, overrides: { callId: string; name?: string }) {
  return client.tag.create({
    data: { callId: overrides.callId, name: overrides.name ?? `capacity building ${uniqueSuffix()}` },
    select: { id: true, name: true },
  });
}

export async function tagResponse(client: DbClient, responseId: string, tagId: string) {
  await client.responseTag.create({ data: { responseId, tagId }, select: { responseId: true } });
}

/** A cluster of the given responses, the first one its representative. */
export async function createCluster(client: DbClient, callId: string, responseIds: string[]) {
  const cluster = await client.responseCluster.create({
    data: { callId, representativeId: responseIds[0]!, size: responseIds.length, minScore: 0.8 },
    select: { id: true, size: true },
  });
  await client.response.updateMany({ where: { id: { in: responseIds } }, data: { clusterId: cluster.id, clusterScore: 0.9 } });
  return cluster;
}

/** An excerpt of `text` (the answer's text) from `start` to `end`. */
export async function createExcerpt(
  client: DbClient,
  overrides: {
    responseId: string;
    questionId: string;
    text: string;
    start: number;
    end: number;
    note?: string;
    tagIds?: string[];
  },
) {
  const { responseId, questionId, text, start, end } = overrides;
  return client.excerpt.create({
    data: {
      responseId,
      questionId,
      start,
      end,
      quote: text.slice(start, end),
      note: overrides.note ?? "",
      sourceVersion: 1,
      tags: { create: (overrides.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
    select: { id: true, quote: true },
  });
}

export type CitationData = {
  responseId: string | null;
  excerptId?: string | null;
  reference: string;
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  quote?: string | null;
};
export type SectionData = { heading: string; paragraphs: { body: string; citations: CitationData[] }[] };

/**
 * A message set with its working copy; `publishVersion` also saves it as version 1, published now (the
 * frozen content has the shape schema.prisma documents).
 */
export async function createMessageSet(
  client: DbClient,
  overrides: { callId: string; title?: string; status?: MessageSetStatus; sections: SectionData[]; publishVersion?: boolean },
) {
  const suffix = uniqueSuffix();
  const set = await client.messageSet.create({
    data: {
      callId: overrides.callId,
      slug: `test-messages-${suffix}`,
      title: overrides.title ?? `Draft messages ${suffix}`,
      status: overrides.status ?? "DRAFT",
    },
    select: { id: true, slug: true, title: true },
  });
  const content = [];
  for (const [s, section] of overrides.sections.entries()) {
    const created = await client.messageSection.create({
      data: { setId: set.id, position: s + 1, heading: section.heading },
      select: { id: true },
    });
    const paragraphs = [];
    for (const [p, paragraph] of section.paragraphs.entries()) {
      const row = await client.messageParagraph.create({
        data: {
          setId: set.id,
          sectionId: created.id,
          position: p + 1,
          body: paragraph.body,
          citations: {
            create: paragraph.citations.map((c) => ({ ...c, excerptId: c.excerptId ?? null, quote: c.quote ?? null })),
          },
        },
        select: { id: true },
      });
      paragraphs.push({
        paragraphId: row.id,
        body: paragraph.body,
        citations: paragraph.citations.map((c) => ({ ...c, excerptId: c.excerptId ?? null, quote: c.quote ?? null })),
      });
    }
    content.push({ heading: section.heading, paragraphs });
  }
  if (overrides.publishVersion) {
    await client.messageSetVersion.create({
      data: { setId: set.id, number: 1, content, publishedAt: new Date() },
      select: { id: true },
    });
  }
  return set;
}
