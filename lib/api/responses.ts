// Published responses for the open data API. Which responses are public is decided by
// lib/responses/public.ts (`publishedResponse`); identities come only from its `namedIdentities`, so an
// anonymous response never has its author's name, organisation or country loaded here.
// Lists are ordered by (submittedAt, id) ASCENDING: a response submitted later lands after every page
// already read, so following `next` cursors never repeats or skips one while new responses arrive.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  getPublishedResponse,
  namedIdentities,
  publicResponseSelect,
  publishedCall,
  publishedResponse,
  type Attribution,
} from "@/lib/responses/public";
import { afterKeyset, encodeKeyset } from "./cursor";
import { notFound } from "./errors";
import { latest, type ApiResult } from "./http";
import { pageOf, type Query } from "./query";

type Answer = { questionId: string; text: string; choices: string[] };

const hasContent = (answer: { text: string; choices: string[] }) => answer.text.trim() !== "" || answer.choices.length > 0;

function author(attribution: Attribution | undefined) {
  return attribution?.kind === "named"
    ? { name: attribution.name, organisation: attribution.organisation, onBehalfOf: attribution.onBehalfOf }
    : null;
}

function responseBody(
  row: {
    reference: string | null;
    submittedAt: Date | null;
    consent: string | null;
    stakeholderGroup: string | null;
    region: string | null;
    language: string;
  },
  callSlug: string,
  attribution: Attribution | undefined,
  answers: Answer[],
) {
  return {
    reference: row.reference,
    call: callSlug,
    submittedAt: row.submittedAt,
    publication: row.consent === "PUBLISH_NAMED" ? "named" : "anonymous",
    stakeholderGroup: row.stakeholderGroup,
    region: row.region,
    language: row.language,
    author: row.consent === "PUBLISH_NAMED" ? author(attribution) : null,
    answers: answers.filter(hasContent),
    url: `/api/v1/responses/${row.reference}`,
  };
}

export async function listCallResponses(slug: string, query: Query, now = new Date()): Promise<ApiResult> {
  const call = await db.call.findFirst({ where: { slug, ...publishedCall(now) }, select: { id: true, slug: true } });
  if (!call) throw notFound("call");
  const filters: Prisma.ResponseWhereInput = {
    callId: call.id,
    ...publishedResponse(now),
    ...(query.group && { stakeholderGroup: query.group }),
    ...(query.region && { region: query.region }),
    ...((query.since || query.until) && { submittedAt: { gte: query.since, lte: query.until } }),
  };
  const [rows, total] = await Promise.all([
    db.response.findMany({
      where: { AND: [filters, afterKeyset("submittedAt", query.cursor)] },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      select: {
        ...publicResponseSelect,
        updatedAt: true,
        answers: { orderBy: { question: { position: "asc" } }, select: { questionId: true, text: true, choices: true } },
      },
    }),
    db.response.count({ where: filters }),
  ]);
  const page = pageOf(rows, query.limit, (row) => row.submittedAt!);
  const identities = await namedIdentities(page.items.filter((row) => row.consent === "PUBLISH_NAMED").map((row) => row.id));
  return {
    body: {
      call: call.slug,
      total,
      items: page.items.map((row) => responseBody(row, call.slug, identities.get(row.id)?.attribution, row.answers)),
      next: page.lastKey && encodeKeyset(page.lastKey),
    },
    lastModified: latest(...page.items.map((row) => row.updatedAt)),
  };
}

export async function getResponse(reference: string, now = new Date()): Promise<ApiResult> {
  const response = await getPublishedResponse(reference, now);
  if (!response) throw notFound("response");
  const updated = await db.response.findUniqueOrThrow({ where: { id: response.id }, select: { updatedAt: true } });
  const answers = response.answers.map((a) => ({ questionId: a.question.id, text: a.text, choices: a.choices }));
  return {
    body: {
      ...responseBody(response, response.call.slug, response.attribution, answers),
      attachments: response.attachments.map((file) => ({
        position: file.position,
        mediaType: file.mediaType,
        size: file.size,
        fileName: file.fileName,
        url: `/api/attachments/${file.id}`,
      })),
    },
    lastModified: updated.updatedAt,
  };
}
