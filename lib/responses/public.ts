// What the public sees of calls and responses: THE one place that decides it. A response is published when
// it is SUBMITTED, its author chose PUBLISH_NAMED or PUBLISH_ANONYMOUS, moderation has it PUBLISHED (not
// waiting for approval, not hidden), and its call is published.
// Identity (name, organisation, on behalf of, file names) is loaded by one function only, `namedIdentities`,
// and only for PUBLISH_NAMED rows: an anonymous response is read with a select that has no `author`, no
// organisation, no onBehalfOf and no country, so its author's name never reaches a page, a search result
// or an attribute. PRIVATE responses count in aggregates (participation, totals) and nowhere else; the
// participation figures come suppressed from lib/insights/public-figures.ts, never as exact small counts.
import "server-only";
import { inLocale } from "@/lib/translations/calls";
import { callStatus } from "@/lib/calls/status";
import { db } from "@/lib/db";
import { publicParticipationOf } from "@/lib/insights/public-figures";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { countedResponse } from "./counted";
import { decodeCursor, encodeCursor } from "./public-cursor";
import { MARK_END, MARK_START } from "./public-marks";
import { PAGE_SIZE } from "./public-schemas";
import {
  prepareSearch,
  rowConfiguration,
  rowQuery,
  searchMatches,
  SEGMENTED_LANGUAGES,
  segmentedHeadline,
} from "./search-language";

const PUBLISHED_CONSENTS = ["PUBLISH_NAMED", "PUBLISH_ANONYMOUS"] as const satisfies readonly Consent[];
const EXCERPT_LENGTH = 320;
/** A search or a question filter in the response list counts its matches up to this many ("more than …"). */
export const COUNT_LIMIT = 5_000;

/** The rules themselves, exported for readers elsewhere that must apply them unchanged: exports, the open
 * data API, reports (only what the public can see can be reported). */
export const publishedCall = (now: Date) => ({ publishedAt: { not: null, lte: now } });
export const publishedResponse = (now: Date): Prisma.ResponseWhereInput => ({
  status: "SUBMITTED",
  consent: { in: [...PUBLISHED_CONSENTS] },
  moderationState: "PUBLISHED",
  call: publishedCall(now),
});

/** Safe for every published response: no author, no organisation, no country. */
export const publicResponseSelect = {
  id: true,
  reference: true,
  submittedAt: true,
  consent: true,
  stakeholderGroup: true,
  region: true,
  /** The language the answers are written in (a locale): `lang` on the page, the search configuration. */
  language: true,
  /** How it was received (the form, an email, a session, …): labelled on every public page. */
  channel: true,
} as const;

/**
 * Which files of a published response (publishedResponse) the public gets: "named" (published with the
 * name: every file, under its own name), "anonymous" (published without it: only the copies without document
 * properties, under neutral names, and only once the author confirmed their text does not name them:
 * `attachmentsPrivate` false; null means never asked), or null (none). The response page, the open data API
 * and the download route (lib/attachments/attachments.ts) all apply this rule.
 */
export type PublicFileAccess = "named" | "anonymous";

export function publicFileAccess(response: { consent: Consent | null; attachmentsPrivate: boolean | null }) {
  if (response.consent === "PUBLISH_NAMED") return "named" as const;
  if (response.consent === "PUBLISH_ANONYMOUS" && response.attachmentsPrivate === false) return "anonymous" as const;
  return null;
}

/** The stored copy (and its size) the public gets of one file under `access`, or null: none is public. */
export function publicCopy(
  access: PublicFileAccess,
  file: { storageKey?: string; size: number; publicStorageKey: string | null; publicSize: number | null },
) {
  if (access === "named") return { storageKey: file.storageKey ?? null, size: file.size };
  return file.publicStorageKey ? { storageKey: file.publicStorageKey, size: file.publicSize ?? file.size } : null;
}

export type Attribution =
  { kind: "named"; name: string | null; organisation: string | null; onBehalfOf: string | null } | { kind: "anonymous" };

/** Name, organisation and file names of the given responses that are published WITH the name; no others. */
export async function namedIdentities(ids: string[]) {
  if (ids.length === 0) return new Map<string, { attribution: Attribution; fileNames: Map<string, string> }>();
  const rows = await db.response.findMany({
    where: { id: { in: ids }, status: "SUBMITTED", consent: "PUBLISH_NAMED", moderationState: "PUBLISHED" },
    select: {
      id: true,
      organisation: true,
      onBehalfOf: true,
      contributorName: true,
      author: { select: { profile: { select: { displayName: true } } } },
      attachments: { select: { id: true, fileName: true } },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        attribution: {
          kind: "named",
          // A contribution recorded by a moderator carries the name as received (lib/intake).
          name: row.contributorName ?? row.author?.profile?.displayName ?? null,
          organisation: row.organisation,
          onBehalfOf: row.onBehalfOf,
        } as Attribution,
        fileNames: new Map(row.attachments.map((file) => [file.id, file.fileName])),
      },
    ]),
  );
}

const anonymous: Attribution = { kind: "anonymous" };

function excerpt(text: string) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, "")} …`;
}

// ---------------------------------------------------------------------------------------------------
// Calls

/**
 * A published call with everything its public page shows, or null. `asOf`: the instant its status is for.
 * Its texts are in `locale` when a moderator translated the call into it (lib/translations/calls.ts).
 */
export async function getPublicCall(slug: string, now = new Date(), locale?: string) {
  const call = await db.call.findFirst({
    where: { slug, ...publishedCall(now) },
    select: {
      id: true,
      slug: true,
      title: true,
      introduction: true,
      language: true,
      thematicTrack: true,
      timeZone: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      forum: { select: { name: true } },
      questions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          prompt: true,
          helpText: true,
          type: true,
          required: true,
          options: true,
          maxChoices: true,
        },
      },
      glossary: { orderBy: { position: "asc" }, select: { id: true, term: true, definition: true } },
    },
  });
  if (!call) return null;
  const [participation, publishedCount] = await Promise.all([
    publicParticipationOf(call.id),
    db.response.count({ where: { callId: call.id, ...publishedResponse(now) } }),
  ]);
  const { forum, ...rest } = call;
  const read = await inLocale(rest, locale ?? call.language);
  return { ...read, forumName: forum.name, status: callStatus(call, now), asOf: now, participation, publishedCount };
}

/** The little the response list and contributors pages need of a published call, or null. */
export async function getPublicCallSummary(slug: string, now = new Date()) {
  const call = await db.call.findFirst({
    where: { slug, ...publishedCall(now) },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      questions: { orderBy: { position: "asc" }, select: { id: true, position: true, prompt: true } },
    },
  });
  return call && { ...call, status: callStatus(call, now) };
}

// ---------------------------------------------------------------------------------------------------
// Published responses

export type ListOptions = {
  group?: StakeholderGroup;
  region?: UnRegion;
  questionId?: string;
  q?: string;
  cursor?: string;
  limit?: number;
  /** Show each campaign (near-duplicate cluster) once: its earliest published member that matches. */
  collapseCampaigns?: boolean;
  /** Only the published members of this campaign (then nothing is collapsed). */
  campaign?: string;
  /** With a search or a question filter, matches are counted up to this many (COUNT_LIMIT; tests lower it). */
  countLimit?: number;
};

type IdRow = { id: string; submittedAt: Date; headline: string | null; clusterId: string | null; similar: number };

/**
 * A page of the published responses of a call, newest first, with keyset pagination on
 * (submittedAt DESC, id DESC): a page never shifts when responses arrive meanwhile. A malformed cursor
 * shows the first page. `q` is a PostgreSQL web-search query on the answers, matched in each response's own
 * language (./search-language.ts: stemmed, "norms" finds "norm"; Chinese by words).
 * Campaigns collapsed: a member is listed only if no earlier member (submittedAt, id) of its cluster is
 * published and matches the same filters, so which row stands for a campaign depends on the row alone,
 * never on the page, and the keyset stays exact. `similar` counts the other members that are published and
 * match: private, pending and hidden members are never counted or shown.
 */
export async function listPublishedResponses(callId: string, options: ListOptions = {}, now = new Date()) {
  const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(options.cursor);
  const { group, region, questionId, q } = options;
  const query = q?.trim() ? q.trim() : undefined;
  const search = query ? await prepareSearch(db, query) : null;

  const { campaign } = options;
  const collapse = Boolean(options.collapseCampaigns) && !campaign;

  // The published rows that match the filters, as alias `r` (the list) or `m` (the other members).
  const matching = (alias: "r" | "m") => {
    const t = Prisma.raw(alias);
    return Prisma.sql`
    ${t}."callId" = ${callId} AND ${t}.status = 'SUBMITTED' AND ${t}.consent IN ('PUBLISH_NAMED', 'PUBLISH_ANONYMOUS')
    AND ${t}."moderationState" = 'PUBLISHED'
    AND EXISTS (SELECT 1 FROM calls c WHERE c.id = ${t}."callId" AND c."publishedAt" IS NOT NULL AND c."publishedAt" <= ${now})
    ${group ? Prisma.sql`AND ${t}."stakeholderGroup" = CAST(${group} AS "StakeholderGroup")` : Prisma.empty}
    ${region ? Prisma.sql`AND ${t}.region = CAST(${region} AS "UnRegion")` : Prisma.empty}
    ${
      questionId
        ? Prisma.sql`AND EXISTS (SELECT 1 FROM answers a WHERE a."responseId" = ${t}.id AND a."questionId" = ${questionId}
        AND (btrim(a.text) <> '' OR cardinality(a.choices) > 0))`
        : Prisma.empty
    }
    ${search ? Prisma.sql`AND ${searchMatches(alias, search)}` : Prisma.empty}`;
  };
  const filters = Prisma.sql`${matching("r")}
    ${campaign ? Prisma.sql`AND r."clusterId" = ${campaign}` : Prisma.empty}
    ${
      collapse
        ? Prisma.sql`AND (r."clusterId" IS NULL OR NOT EXISTS (SELECT 1 FROM responses m WHERE m."clusterId" = r."clusterId"
        AND (m."submittedAt", m.id) < (r."submittedAt", r.id) AND ${matching("m")}))`
        : Prisma.empty
    }`;
  const similar = collapse
    ? Prisma.sql`CASE WHEN r."clusterId" IS NULL THEN 0
        ELSE (SELECT count(*)::int FROM responses m WHERE m."clusterId" = r."clusterId" AND m.id <> r.id AND ${matching("m")}) END`
    : Prisma.sql`0`;

  const backwards = cursor?.direction === "before";
  const keyset = cursor
    ? backwards
      ? Prisma.sql`AND (r."submittedAt", r.id) > (${cursor.submittedAt}, ${cursor.id})`
      : Prisma.sql`AND (r."submittedAt", r.id) < (${cursor.submittedAt}, ${cursor.id})`
    : Prisma.empty;
  const order = backwards ? Prisma.sql`r."submittedAt" ASC, r.id ASC` : Prisma.sql`r."submittedAt" DESC, r.id DESC`;
  // In the response's own language; Chinese, unsegmented in the database, is highlighted below (segmentedHeadline).
  const headline = search
    ? Prisma.sql`CASE WHEN r.language IN (${Prisma.join(SEGMENTED_LANGUAGES)}) THEN NULL ELSE ts_headline(${rowConfiguration("r")},
        coalesce((SELECT string_agg(a.text, ' … ' ORDER BY qn.position) FROM answers a JOIN questions qn ON qn.id = a."questionId"
          WHERE a."responseId" = r.id ${questionId ? Prisma.sql`AND a."questionId" = ${questionId}` : Prisma.empty}), ''),
        ${rowQuery("r", search)},
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) END`
    : Prisma.sql`NULL`;

  // How many match. A search or a question filter counts up to COUNT_LIMIT + 1 and no further (finding that many
  // is quick; counting every one of 60,000 matches is most of a page's time at 100,000 responses). Otherwise
  // exact: collapsed campaigns counted as the rows without a campaign plus one per campaign with a match (the
  // listed member of each is its earliest match), one pass instead of a lookup per campaign member.
  const bounded = Boolean(search || questionId);
  const countLimit = options.countLimit ?? COUNT_LIMIT;
  const count = bounded
    ? Prisma.sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM responses r WHERE ${filters} LIMIT ${countLimit + 1}) AS found`
    : collapse
      ? Prisma.sql`SELECT (count(*) FILTER (WHERE r."clusterId" IS NULL) + count(DISTINCT r."clusterId"))::int AS count
          FROM responses r WHERE ${matching("r")}`
      : Prisma.sql`SELECT count(*)::int AS count FROM responses r WHERE ${filters}`;

  const [rows, [counted], [campaigns]] = await Promise.all([
    db.$queryRaw<IdRow[]>`
      SELECT r.id, r."submittedAt", ${headline} AS headline, r."clusterId", ${similar} AS similar FROM responses r
      WHERE ${filters} ${keyset} ORDER BY ${order} LIMIT ${limit + 1}`,
    db.$queryRaw<{ count: number }[]>(count),
    // Whether collapsing changes anything: a campaign with two or more matching published members (the first
    // such pair ends the search).
    db.$queryRaw<
      { found: boolean }[]
    >`SELECT EXISTS (SELECT 1 FROM responses r WHERE ${matching("r")} AND r."clusterId" IS NOT NULL
      AND EXISTS (SELECT 1 FROM responses m WHERE m."clusterId" = r."clusterId" AND m.id <> r.id AND ${matching("m")})) AS found`,
  ]);
  const matches = counted?.count ?? 0;
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();

  const ids = page.map((row) => row.id);
  const [details, identities] = await Promise.all([
    db.response.findMany({
      where: { id: { in: ids }, ...publishedResponse(now) },
      select: {
        ...publicResponseSelect,
        answers: {
          where: questionId ? { questionId } : undefined,
          orderBy: { question: { position: "asc" } },
          select: { questionId: true, text: true, choices: true },
        },
      },
    }),
    namedIdentities(ids),
  ]);
  const byId = new Map(details.map((row) => [row.id, row]));
  const items = page.flatMap((row) => {
    const detail = byId.get(row.id);
    if (!detail) return [];
    const { answers, ...response } = detail;
    const answer = answers.find((a) => a.text.trim() || a.choices.length);
    const headline =
      row.headline ?? (query ? segmentedHeadline(answers.map((a) => a.text).join(" … "), query, response.language) : null);
    return [
      {
        ...response,
        attribution: (response.consent === "PUBLISH_NAMED" && identities.get(row.id)?.attribution) || anonymous,
        questionId: answer?.questionId ?? null,
        excerpt: headline
          ? headline.replace(/\s+/g, " ").trim()
          : answer
            ? excerpt(answer.text || answer.choices.join("; "))
            : "",
        highlighted: Boolean(headline),
        campaign: row.clusterId && row.similar > 0 ? { id: row.clusterId, similar: row.similar } : null,
      },
    ];
  });

  const first = page[0];
  const last = page[page.length - 1];
  return {
    items,
    /** Exact, or the count limit when more match and `totalExact` is false ("more than 5,000"). */
    total: bounded ? Math.min(matches, countLimit) : matches,
    totalExact: !bounded || matches <= countLimit,
    /** Whether a campaign has two or more of the matches (then the list offers to collapse or expand them). */
    hasCampaigns: campaigns?.found ?? false,
    next: last && (backwards || more) ? encodeCursor({ submittedAt: last.submittedAt, id: last.id, direction: "after" }) : null,
    previous:
      first && (backwards ? more : cursor !== null)
        ? encodeCursor({ submittedAt: first.submittedAt, id: first.id, direction: "before" })
        : null,
  };
}

export type PublishedResponseListItem = Awaited<ReturnType<typeof listPublishedResponses>>["items"][number];

/** One published response by its receipt number, with its answers in question order; null otherwise. */
export async function getPublishedResponse(reference: string, now = new Date()) {
  const response = await db.response.findFirst({
    where: { reference, ...publishedResponse(now) },
    select: {
      ...publicResponseSelect,
      call: { select: { slug: true, title: true, timeZone: true } },
      answers: {
        orderBy: { question: { position: "asc" } },
        select: { text: true, choices: true, question: { select: { id: true, position: true, prompt: true } } },
      },
      attachmentsPrivate: true,
      attachments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, mediaType: true, size: true, publicStorageKey: true, publicSize: true },
      },
    },
  });
  if (!response) return null;
  const { attachmentsPrivate, attachments, ...rest } = response;
  const access = publicFileAccess({ consent: response.consent, attachmentsPrivate });
  const identity = access === "named" ? (await namedIdentities([response.id])).get(response.id) : undefined;
  // The rule of publicFileAccess, the same the download route serves by.
  const files = attachments.map(({ publicStorageKey, publicSize, ...file }, index) => {
    const copy = access && publicCopy(access, { ...file, publicStorageKey, publicSize });
    if (!copy) return null;
    const fileName = access === "named" ? (identity?.fileNames.get(file.id) ?? null) : null;
    return { ...file, size: copy.size, position: index + 1, fileName };
  });
  return {
    ...rest,
    answers: response.answers.filter((a) => a.text.trim() || a.choices.length),
    attachments: files.filter((file) => file !== null),
    attribution: identity?.attribution ?? anonymous,
  };
}

/** Which of the given responses the public may see now (for links from published messages). */
export async function publicResponseIds(ids: string[], now = new Date()) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.response.findMany({ where: { id: { in: ids }, ...publishedResponse(now) }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

type NamedContributor = {
  id: string;
  reference: string | null;
  stakeholderGroup: StakeholderGroup | null;
  organisation: string | null;
  onBehalfOf: string | null;
  name: string | null;
};

/** String#localeCompare's order (the default locale's collation), made once: a call lists thousands of names. */
const byName = new Intl.Collator();

/**
 * Who contributed to a published call, as the BPF lists it: named contributors with their organisation,
 * anonymous ones counted by stakeholder group, private ones only in the total. Null for an unpublished call.
 */
export async function listContributors(callId: string, now = new Date()) {
  const call = await db.call.findFirst({ where: { id: callId, ...publishedCall(now) }, select: { id: true } });
  if (!call) return null;
  const [named, anonymousGroups, total] = await Promise.all([
    // One query with the author's profile joined (tens of thousands of rows at scale; the profile is the
    // author's: profiles are keyed by user id).
    db.$queryRaw<NamedContributor[]>`
      SELECT r.id, r.reference, r."stakeholderGroup", r.organisation, r."onBehalfOf",
        COALESCE(r."contributorName", p."displayName") AS name
      FROM responses r LEFT JOIN profiles p ON p."userId" = r."authorId"
      WHERE r."callId" = ${callId} AND r.status = 'SUBMITTED' AND r.consent = 'PUBLISH_NAMED' AND r."moderationState" = 'PUBLISHED'`,
    db.response.groupBy({
      by: ["stakeholderGroup"],
      where: { callId, status: "SUBMITTED", consent: "PUBLISH_ANONYMOUS", moderationState: "PUBLISHED" },
      _count: { _all: true },
    }),
    db.response.count({ where: { callId, ...countedResponse } }),
  ]);
  named.sort((a, b) => byName.compare(a.name ?? "", b.name ?? "") || byName.compare(a.id, b.id));
  const anonymousByGroup = STAKEHOLDER_GROUPS.flatMap((group) => {
    const count = anonymousGroups.find((row) => row.stakeholderGroup === group)?._count._all ?? 0;
    return count ? [{ group, count }] : [];
  });
  const anonymousCount = anonymousGroups.reduce((sum, row) => sum + row._count._all, 0);
  return { named, anonymousByGroup, anonymousCount, notPublishedCount: total - named.length - anonymousCount, total };
}
