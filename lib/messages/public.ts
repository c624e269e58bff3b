// What the public sees of message sets: only the latest PUBLISHED version of a PUBLISHED set, never the
// working copy or an unpublished version. A cited source is linked only while the response is still public
// (lib/responses/public.ts decides); otherwise it is "no longer available" (or "removed at the contributor's
// request" when the response was deleted with its author's account), without its details.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { namedIdentities, publicResponseIds } from "@/lib/responses/public";
import { numberedParagraphs, versionContentSchema } from "./content";
import { commentPeriodState, earlyEnd } from "./period";
import { paragraphSpread } from "./spread";
import { translateVersion } from "@/lib/translations/texts";
import { versionInLocale } from "@/lib/translations/versions";

const latestPublished = { where: { publishedAt: { not: null } }, orderBy: { number: "desc" }, take: 1 } as const;

/**
 * The published set as a reader of `locale` reads it: from the version's translation into `locale` when a
 * moderator made one (lib/translations/versions.ts), else in the original; `language` says which.
 */
export async function getPublishedMessageSet(slug: string, now = new Date(), locale?: string) {
  const set = await db.messageSet.findFirst({
    where: { slug, status: { in: ["PUBLISHED", "FINAL"] } },
    select: {
      id: true,
      slug: true,
      title: true,
      introduction: true,
      status: true,
      language: true,
      call: { select: { slug: true, title: true, publishedAt: true, timeZone: true } },
      versions: {
        ...latestPublished,
        select: {
          id: true,
          number: true,
          summary: true,
          publishedAt: true,
          content: true,
          title: true,
          introduction: true,
          commentOpensAt: true,
          commentClosesAt: true,
          commentClosedEarlyAt: true,
          commentClosedEarlyReason: true,
          finalisedAt: true,
        },
      },
    },
  });
  const version = set?.versions[0];
  if (!set || !version) return null;
  const sections = numberedParagraphs(versionContentSchema.parse(version.content));
  const cited = sections
    .flatMap((s) => s.paragraphs.flatMap((p) => p.citations.map((c) => c.responseId)))
    .filter((id): id is string => Boolean(id));
  const [visible, existing] = await Promise.all([
    publicResponseIds([...new Set(cited)], now),
    db.response.findMany({ where: { id: { in: [...new Set(cited)] } }, select: { id: true } }),
  ]);
  // A response deleted with its author's account (lib/accounts/personal-data.ts) is said to be removed.
  const stillThere = new Set(existing.map((row) => row.id));
  // Who stands behind each public source, where its author agreed to be named (the one loader of identity).
  const named = await namedIdentities([...visible]);
  const authorOf = (responseId: string) => {
    const attribution = named.get(responseId)?.attribution;
    return attribution?.kind === "named"
      ? { name: attribution.name, organisation: attribution.organisation, onBehalfOf: attribution.onBehalfOf }
      : null;
  };
  const callIsPublic = Boolean(set.call.publishedAt && set.call.publishedAt <= now);
  const published = {
    id: set.id,
    slug: set.slug,
    // The title and introduction as frozen in the version (versions saved before they were frozen: the set's).
    title: version.title ?? set.title,
    introduction: version.introduction ?? set.introduction,
    status: set.status,
    // The zone the call's dates are set in: periods and versions are shown in it (and the reader's).
    timeZone: set.call.timeZone,
    call: callIsPublic ? { slug: set.call.slug, title: set.call.title } : null,
    version: {
      id: version.id,
      number: version.number,
      summary: version.summary,
      publishedAt: version.publishedAt!,
      commentOpensAt: version.commentOpensAt,
      commentClosesAt: version.commentClosesAt,
      finalisedAt: version.finalisedAt,
      commentPeriod: commentPeriodState(version, now),
      /** The period ended before its announced end: when and why (shown where the period is described). */
      earlyEnd: earlyEnd(version),
    },
    sections: sections.map((section, index) => ({
      sectionId: section.sectionId ?? `section-${index}`,
      heading: section.heading,
      paragraphs: section.paragraphs.map((paragraph) => ({
        number: paragraph.number,
        paragraphId: paragraph.paragraphId,
        origins: paragraph.origins,
        body: paragraph.body,
        // Counted from the sources still public: a hidden source's group is not given away by the counts.
        spread: paragraphSpread(paragraph.citations.filter((c) => c.responseId && visible.has(c.responseId))),
        // A source no longer public shows nothing of itself: not its number, group, region or quote.
        sources: paragraph.citations.map((c) =>
          c.responseId && visible.has(c.responseId)
            ? {
                available: true as const,
                reference: c.reference,
                // Null for a source published anonymously: it is cited by group and region.
                author: authorOf(c.responseId),
                stakeholderGroup: c.stakeholderGroup,
                region: c.region,
                quote: c.quote,
                signatories: c.signatories ?? null,
              }
            : { available: false as const, removed: !c.responseId || !stillThere.has(c.responseId) },
        ),
      })),
    })),
  };
  return locale ? versionInLocale(published, set.language, locale) : translateVersion(published, set.language, null);
}

export type PublishedMessageSet = NonNullable<Awaited<ReturnType<typeof getPublishedMessageSet>>>;

type UsedRow = { title: string; slug: string; number: number; content: Prisma.JsonValue };

/**
 * Where a response is used: for each published set, its latest published version, if that version cites
 * the response (whole or by an excerpt). Paragraph numbers are those of that version.
 */
export async function usedIn(responseId: string) {
  const rows = await db.$queryRaw<UsedRow[]>`
    SELECT s.title, s.slug, v.number, v.content FROM message_sets s
    JOIN LATERAL (
      SELECT number, content FROM message_set_versions
      WHERE "setId" = s.id AND "publishedAt" IS NOT NULL ORDER BY number DESC LIMIT 1
    ) v ON true
    WHERE s.status IN ('PUBLISHED', 'FINAL')
      AND jsonb_path_exists(v.content, '$[*].paragraphs[*].citations[*] ? (@.responseId == $id)', jsonb_build_object('id', ${responseId}::text))
    ORDER BY s.title, s.slug`;
  return rows.flatMap((row) => {
    const sections = numberedParagraphs(versionContentSchema.parse(row.content));
    return sections.flatMap((section) =>
      section.paragraphs
        .filter((p) => p.citations.some((c) => c.responseId === responseId))
        .map((p) => ({ title: row.title, slug: row.slug, version: row.number, paragraph: p.number, heading: section.heading })),
    );
  });
}
