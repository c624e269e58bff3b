// The editor's side panel: what a paragraph may cite, i.e. excerpts and whole responses of the set's call
// that are public (submitted, published by moderation, published by consent; see citations.ts). Excerpts
// are read here directly (the curation tools that create them are a separate module).
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isCampaignMember } from "@/lib/curation/cluster-call";
import { prepareSearch, searchMatches } from "@/lib/responses/search-language";
import { authorizeOn, requireRight } from "./access";
import { MESSAGE_LIMITS, type SourceSearch } from "./schemas";

const SNIPPET = 240;

const citable = (callId: string): Prisma.ResponseWhereInput => ({
  callId,
  status: "SUBMITTED",
  consent: { in: ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS"] },
  moderationState: "PUBLISHED",
});

const snippet = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= SNIPPET ? flat : `${flat.slice(0, SNIPPET).replace(/\s+\S*$/, "")} …`;
};

/** The call's tags, for the filter. */
export async function listCallTags(actor: SessionUser, callId: string) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "call", callId, "callNotFound");
  return db.tag.findMany({ where: { callId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function searchExcerpts(actor: SessionUser, callId: string, search: SourceSearch) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "call", callId, "callNotFound");
  const q = search.q?.trim();
  const rows = await db.excerpt.findMany({
    where: {
      response: {
        ...citable(callId),
        ...(search.group && { stakeholderGroup: search.group }),
        ...(search.region && { region: search.region }),
      },
      ...(search.tag && { tags: { some: { tagId: search.tag, tag: { callId } } } }),
      ...(q && { OR: [{ quote: { contains: q, mode: "insensitive" } }, { note: { contains: q, mode: "insensitive" } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MESSAGE_LIMITS.searchResults,
    select: {
      id: true,
      quote: true,
      note: true,
      question: { select: { position: true } },
      response: { select: { id: true, reference: true, stakeholderGroup: true, region: true, language: true } },
      tags: { select: { tag: { select: { name: true } } } },
    },
  });
  return rows.map(({ tags, ...row }) => ({ ...row, tags: tags.map((t) => t.tag.name).sort() }));
}

/** Whole responses by receipt number (part of it) or by words of their answers (in each response's language). */
export async function searchResponses(actor: SessionUser, callId: string, search: SourceSearch) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "call", callId, "callNotFound");
  const q = search.q?.trim();
  let ids: string[] | undefined;
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const found = await db.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM responses r WHERE r."callId" = ${callId}
        AND (r.reference ILIKE ${like} OR ${searchMatches("r", await prepareSearch(db, q))})
      LIMIT 500`;
    ids = found.map((row) => row.id);
  }
  const rows = await db.response.findMany({
    where: {
      ...citable(callId),
      ...(ids && { id: { in: ids } }),
      ...(search.group && { stakeholderGroup: search.group }),
      ...(search.region && { region: search.region }),
      ...(search.tag && { tags: { some: { tagId: search.tag, tag: { callId } } } }),
    },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: MESSAGE_LIMITS.searchResults,
    select: {
      id: true,
      reference: true,
      stakeholderGroup: true,
      region: true,
      language: true,
      answers: { orderBy: { question: { position: "asc" } }, take: 1, where: { text: { not: "" } }, select: { text: true } },
    },
  });
  return rows.map(({ answers, ...row }) => ({ ...row, snippet: snippet(answers[0]?.text ?? "") }));
}

/**
 * The call's campaigns (lib/curation/cluster-call.ts) that may be cited as one source: each with how many
 * signed it (members counted in the figures), the question it was found in (null: whole responses) and the
 * start of its first public member's text. A campaign none of whose members is public is left out.
 */
export async function listCitableCampaigns(actor: SessionUser, callId: string) {
  requireRight(actor, "forum.read");
  await authorizeOn(db, actor, "forum.read", "call", callId, "callNotFound");
  const rows = await db.$queryRaw<
    {
      id: string;
      position: number | null;
      signatories: bigint;
      first: string | null;
      language: string | null;
      text: string | null;
    }[]
  >`
    WITH members AS (
      SELECT c.id AS "clusterId", r.id, r."submittedAt", r.language,
        (r.consent IN ('PUBLISH_NAMED', 'PUBLISH_ANONYMOUS') AND r."moderationState" = 'PUBLISHED') AS public
      FROM response_clusters c
      JOIN responses r ON r."callId" = c."callId" AND r.status = 'SUBMITTED' AND r."moderationState" <> 'HIDDEN'
        AND ${isCampaignMember(Prisma.sql`c.id`)}
      WHERE c."callId" = ${callId}
    ), firsts AS (
      SELECT DISTINCT ON ("clusterId") "clusterId", id, language FROM members WHERE public ORDER BY "clusterId", "submittedAt", id
    )
    SELECT c.id, q.position, (SELECT count(*) FROM members m WHERE m."clusterId" = c.id) AS signatories,
      f.id AS first, f.language,
      (SELECT string_agg(a.text, E'\n' ORDER BY aq.position) FROM answers a JOIN questions aq ON aq.id = a."questionId"
        WHERE a."responseId" = f.id AND (c."questionId" IS NULL OR a."questionId" = c."questionId")) AS text
    FROM response_clusters c
    JOIN firsts f ON f."clusterId" = c.id
    LEFT JOIN questions q ON q.id = c."questionId"
    WHERE c."callId" = ${callId}
    ORDER BY c.size DESC, c.id
    LIMIT ${MESSAGE_LIMITS.searchResults}`;
  return rows
    .filter((row) => Number(row.signatories) >= 2)
    .map((row) => ({
      id: row.id,
      question: row.position,
      signatories: Number(row.signatories),
      language: row.language ?? "en",
      snippet: snippet(row.text ?? ""),
    }));
}
