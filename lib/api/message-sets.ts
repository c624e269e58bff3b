// Message sets for the open data API: a set is public once one of its versions is published (publishedAt
// set and past) and its call is published; only published versions are served, never the working copy.
// A version's content is frozen JSON; a citation is served in full only while the response it cites is
// still published (lib/responses/public.ts decides); otherwise only the reference, group and region that
// were copied when it was cited, with `available: false` (no quote, no link).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { publishedCall, publishedResponse } from "@/lib/responses/public";
import { afterKeyset, encodeKeyset } from "./cursor";
import { badRequest, notFound } from "./errors";
import { latest, type ApiResult } from "./http";
import { MAX_VERSION_NUMBER, pageOf, type Query } from "./query";

const citationSchema = z.object({
  responseId: z.string().nullish(),
  excerptId: z.string().nullish(),
  reference: z.string(),
  stakeholderGroup: z.enum(StakeholderGroup).nullish(),
  region: z.enum(UnRegion).nullish(),
  quote: z.string().nullish(),
});
const contentSchema = z.array(
  z.object({
    heading: z.string(),
    paragraphs: z.array(z.object({ paragraphId: z.string(), body: z.string(), citations: z.array(citationSchema).default([]) })),
  }),
);

const publishedVersion = (now: Date) => ({ publishedAt: { not: null, lte: now } }) satisfies Prisma.MessageSetVersionWhereInput;
const publicSet = (now: Date) =>
  ({ call: publishedCall(now), versions: { some: publishedVersion(now) } }) satisfies Prisma.MessageSetWhereInput;

const setSelect = (now: Date) =>
  ({
    id: true,
    slug: true,
    title: true,
    introduction: true,
    createdAt: true,
    updatedAt: true,
    call: { select: { slug: true } },
    versions: {
      where: publishedVersion(now),
      orderBy: { number: "desc" },
      select: { number: true, summary: true, publishedAt: true },
    },
  }) as const satisfies Prisma.MessageSetSelect;

type SetRow = Prisma.MessageSetGetPayload<{ select: ReturnType<typeof setSelect> }>;

function setSummary(set: SetRow) {
  const latestVersion = set.versions[0]!;
  return {
    slug: set.slug,
    title: set.title,
    call: set.call.slug,
    latestVersion: { number: latestVersion.number, publishedAt: latestVersion.publishedAt },
    url: `/api/v1/message-sets/${set.slug}`,
  };
}

const setLastModified = (set: SetRow) => latest(set.updatedAt, ...set.versions.map((v) => v.publishedAt));

export async function listMessageSets(query: Query, now = new Date()): Promise<ApiResult> {
  const rows = await db.messageSet.findMany({
    where: { AND: [publicSet(now), query.call ? { call: { slug: query.call } } : {}, afterKeyset("createdAt", query.cursor)] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: setSelect(now),
  });
  const page = pageOf(rows, query.limit, (row) => row.createdAt);
  return {
    body: { items: page.items.map(setSummary), next: page.lastKey && encodeKeyset(page.lastKey) },
    lastModified: latest(...page.items.map(setLastModified)),
  };
}

async function findSet(slug: string, now: Date) {
  const set = await db.messageSet.findFirst({ where: { slug, ...publicSet(now) }, select: setSelect(now) });
  if (!set) throw notFound("message set");
  return set;
}

/** A published version's sections, with each citation checked against what is public now. */
async function versionContent(setId: string, number: number, now: Date) {
  const version = await db.messageSetVersion.findFirst({
    where: { setId, number, ...publishedVersion(now) },
    select: { number: true, summary: true, publishedAt: true, content: true },
  });
  if (!version) throw notFound("version");
  const parsed = contentSchema.safeParse(version.content);
  if (!parsed.success) throw new Error(`message set version ${setId}#${number} has malformed content`);
  const cited = parsed.data.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.citations.flatMap((c) => (c.responseId ? [c.responseId] : []))),
  );
  const visible = await db.response.findMany({
    where: { id: { in: [...new Set(cited)] }, ...publishedResponse(now) },
    select: { id: true, reference: true },
  });
  const referenceOf = new Map(visible.map((row) => [row.id, row.reference]));
  const sections = parsed.data.map((section) => ({
    heading: section.heading,
    paragraphs: section.paragraphs.map((paragraph) => ({
      paragraphId: paragraph.paragraphId,
      body: paragraph.body,
      citations: paragraph.citations.map((citation) => {
        const base = {
          reference: citation.reference,
          stakeholderGroup: citation.stakeholderGroup ?? null,
          region: citation.region ?? null,
        };
        const reference = citation.responseId ? referenceOf.get(citation.responseId) : undefined;
        return reference
          ? { ...base, reference, available: true, quote: citation.quote ?? null, url: `/api/v1/responses/${reference}` }
          : { ...base, available: false };
      }),
    })),
  }));
  return { number: version.number, summary: version.summary, publishedAt: version.publishedAt, sections };
}

export async function getMessageSet(slug: string, now = new Date()): Promise<ApiResult> {
  const set = await findSet(slug, now);
  const version = await versionContent(set.id, set.versions[0]!.number, now);
  return {
    body: {
      ...setSummary(set),
      introduction: set.introduction,
      version,
      links: { versions: `/api/v1/message-sets/${set.slug}/versions` },
    },
    lastModified: setLastModified(set),
  };
}

export async function listMessageSetVersions(slug: string, now = new Date()): Promise<ApiResult> {
  const set = await findSet(slug, now);
  return {
    body: {
      messageSet: set.slug,
      items: set.versions.map((v) => ({ ...v, url: `/api/v1/message-sets/${set.slug}/versions/${v.number}` })),
    },
    lastModified: setLastModified(set),
  };
}

export async function getMessageSetVersion(slug: string, numberParam: string, now = new Date()): Promise<ApiResult> {
  const number = z.coerce.number().int().min(1).max(MAX_VERSION_NUMBER).safeParse(numberParam);
  if (!number.success || !/^\d{1,10}$/.test(numberParam)) {
    throw badRequest(`The version number must be a whole number from 1 to ${MAX_VERSION_NUMBER}.`);
  }
  const set = await findSet(slug, now);
  const version = await versionContent(set.id, number.data, now);
  return {
    body: { messageSet: set.slug, title: set.title, call: set.call.slug, version },
    lastModified: latest(version.publishedAt, set.updatedAt),
  };
}
