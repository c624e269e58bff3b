// The final messages of a set: the version marked final, as the public page shows it (getPublishedMessageSet
// decides every visibility rule of the text and its sources), with who contributed and how many took part.
// Contributors honour consent: a name only for a PUBLISHED, PUBLISH_NAMED response of a published call
// (listContributors in lib/responses/public.ts), anonymous ones only counted, private ones only in the total.
// Commenters are named only for their published, non-anonymous comments. Participation figures go through
// the same small-cell suppression as the public participation page (lib/insights/suppression.ts).
import "server-only";
import { db } from "@/lib/db";
import { publicParticipationOf } from "@/lib/insights/public-figures";
import { suppressSmallCells } from "@/lib/insights/suppression";
import { countsFrom } from "@/lib/insights/tally";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import { logoPath } from "@/lib/forums/logo-path";
import { listContributors } from "@/lib/responses/public";
import { getPublishedMessageSet, type PublishedMessageSet } from "./public";

/** Whether the public page shows a set as final: status FINAL and its latest published version finalised. */
export const isFinal = (set: Pick<PublishedMessageSet, "status" | "version">) =>
  set.status === "FINAL" && set.version.finalisedAt !== null;

/** The final messages of the set with this slug, everything the final page and its downloads show; or null. */
/** The final messages in `locale` when the final version has a translation into it (else in the original). */
export async function getFinalMessages(slug: string, now = new Date(), locale?: string) {
  const set = await getPublishedMessageSet(slug, now, locale);
  if (!set || !isFinal(set)) return null;
  return { ...set, ...(await getFinalExtras(set, now)) };
}

export type FinalMessages = NonNullable<Awaited<ReturnType<typeof getFinalMessages>>>;

/** What a final set adds to the published page, for a set already loaded with getPublishedMessageSet. */
export async function getFinalExtras(set: PublishedMessageSet, now = new Date()) {
  const row = await db.messageSet.findUniqueOrThrow({
    where: { id: set.id },
    select: {
      sourceNotes: true,
      abstract: true,
      call: {
        select: {
          id: true,
          slug: true,
          title: true,
          thematicTrack: true,
          publishedAt: true,
          forum: {
            select: {
              id: true,
              name: true,
              publicationAbout: true,
              publicationContact: true,
              logoType: true,
              logoUpdatedAt: true,
            },
          },
        },
      },
    },
  });
  const call = row.call;
  const callIsPublic = Boolean(call.publishedAt && call.publishedAt <= now);
  const [contributors, participation, commenters, comments] = await Promise.all([
    callIsPublic ? listContributors(call.id, now) : null,
    callIsPublic ? publicParticipationOf(call.id) : null,
    namedCommenters(set.id),
    commentFigures(set.id),
  ]);
  return {
    finalisedAt: set.version.finalisedAt!,
    /** Where the downloads list the sources: after each section, or in an annex. */
    sourceNotes: row.sourceNotes,
    abstract: row.abstract,
    /** The forum's publication template (lib/forums): about, contact and logo (its address, or null). */
    publication: {
      forumId: call.forum.id,
      about: call.forum.publicationAbout,
      contact: call.forum.publicationContact,
      logo: call.forum.logoType && call.forum.logoUpdatedAt ? logoPath(call.forum.id, call.forum.logoUpdatedAt) : null,
    },
    // The call's own details only while the call is public (as the page's "compiled from" link).
    callDetails: callIsPublic
      ? { slug: call.slug, title: call.title, thematicTrack: call.thematicTrack, forumName: call.forum.name }
      : null,
    forumName: call.forum.name,
    contributors: contributors && {
      named: contributors.named.map((person) => ({
        name: person.name,
        organisation: person.organisation,
        onBehalfOf: person.onBehalfOf,
        stakeholderGroup: person.stakeholderGroup,
        reference: person.reference,
      })),
      anonymousCount: contributors.anonymousCount,
      anonymousByGroup: contributors.anonymousByGroup,
      notPublishedCount: contributors.notPublishedCount,
      total: contributors.total,
    },
    commenters,
    participation,
    comments,
  };
}

export type FinalExtras = Awaited<ReturnType<typeof getFinalExtras>>;

/** People who commented on the set under their name: published, not anonymous, account still there. */
async function namedCommenters(setId: string) {
  const rows = await db.comment.findMany({
    where: { setId, moderationState: "PUBLISHED", anonymous: false, authorId: { not: null } },
    distinct: ["authorId"],
    orderBy: [{ authorId: "asc" }, { createdAt: "asc" }],
    select: { authorId: true, stakeholderGroup: true, author: { select: { profile: { select: { displayName: true } } } } },
  });
  return rows
    .flatMap((row) => {
      const name = row.author?.profile?.displayName;
      return name ? [{ key: row.authorId!, name, stakeholderGroup: row.stakeholderGroup }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}

/** Published comments on the set by stakeholder group, small counts suppressed as in the participation table. */
async function commentFigures(setId: string) {
  const rows = await db.comment.groupBy({
    by: ["stakeholderGroup", "region"],
    where: { setId, moderationState: "PUBLISHED" },
    _count: { _all: true },
  });
  const { cells } = countsFrom(rows.map((row) => ({ group: row.stakeholderGroup, region: row.region, n: row._count._all })));
  // Only the group totals are published: the suppression of the full table decides which are shown.
  const table = suppressSmallCells(STAKEHOLDER_GROUPS, UN_REGIONS, cells);
  return { groups: table.rowTotals, total: table.total };
}
