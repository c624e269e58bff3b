// Message sets with their citations, one row per citation (a paragraph without citations is one row with
// empty citation cells, so no paragraph is lost). Moderators get the working copy of every set (drafts
// included) with each citation as stored. The public gets, for each PUBLISHED set, its latest published
// version (the frozen content), and a citation's reference and quote only while the cited response is
// itself published (lib/responses/public.ts): a citation of a private, hidden or withdrawn response keeps
// only its group and region, as the participation figures do.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { publishedResponse } from "@/lib/responses/public";
import { SET_BATCH_SIZE } from "./limits";
import type { ReadOptions } from "./responses";
import { keysetBatches, type Column, type Dataset, type Row } from "./stream";

const COLUMNS = [
  "set",
  "title",
  "version",
  "section",
  "sectionHeading",
  "paragraph",
  "paragraphText",
  "reference",
  "stakeholderGroup",
  "region",
  "quote",
  // A campaign cited as one source: how many signed its text (lib/messages/citations.ts); empty otherwise.
  "signatories",
];
export const messageSetColumns = (extra: string[] = []): Column[] => [...COLUMNS, ...extra].map((key) => ({ key, label: key }));

type Citation = {
  responseId: string | null;
  reference: string;
  stakeholderGroup: string | null;
  region: string | null;
  quote: string | null;
  signatories?: number | null;
};
type Paragraph = { body: string; citations: Citation[] };
type Section = { heading: string; paragraphs: Paragraph[] };

function rowsOf(set: Row, sections: Section[], cite: (c: Citation) => Row): Row[] {
  return sections.flatMap((section, s) =>
    section.paragraphs.flatMap((paragraph, p) => {
      const base = { ...set, section: s + 1, sectionHeading: section.heading, paragraph: p + 1, paragraphText: paragraph.body };
      return paragraph.citations.length ? paragraph.citations.map((c) => ({ ...base, ...cite(c) })) : [base];
    }),
  );
}

export function moderatorMessageSets(callId: string, options: ReadOptions = {}): Dataset {
  const size = options.batchSize ?? SET_BATCH_SIZE;
  const read = (last: { id: string } | null) =>
    db.messageSet.findMany({
      where: { callId, ...(last && { id: { gt: last.id } }) },
      orderBy: { id: "asc" },
      take: size,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
        sections: {
          orderBy: { position: "asc" },
          select: {
            heading: true,
            paragraphs: {
              orderBy: { position: "asc" },
              select: {
                body: true,
                citations: {
                  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                  select: {
                    responseId: true,
                    reference: true,
                    stakeholderGroup: true,
                    region: true,
                    quote: true,
                    signatories: true,
                  },
                },
              },
            },
          },
        },
      },
    });
  return {
    columns: messageSetColumns(["status"]),
    async *batches() {
      for await (const sets of keysetBatches(read, size)) {
        yield sets.flatMap((set) =>
          rowsOf(
            // The working copy: "version" is the last saved version it may differ from.
            { set: set.slug, title: set.title, version: set.versions[0]?.number ?? null, status: set.status },
            set.sections,
            (c) => ({
              reference: c.reference,
              stakeholderGroup: c.stakeholderGroup,
              region: c.region,
              quote: c.quote,
              signatories: c.signatories ?? null,
            }),
          ),
        );
      }
    },
  };
}

/** The frozen content of a version (schema.prisma); anything else is read as empty rather than trusted. */
const contentSchema = z
  .array(
    z.object({
      heading: z.string().catch(""),
      paragraphs: z
        .array(
          z.object({
            body: z.string().catch(""),
            citations: z
              .array(
                z.object({
                  responseId: z
                    .string()
                    .nullish()
                    .transform((v) => v ?? null),
                  reference: z.string().catch(""),
                  stakeholderGroup: z
                    .enum(StakeholderGroup)
                    .nullish()
                    .catch(null)
                    .transform((v) => v ?? null),
                  region: z
                    .enum(UnRegion)
                    .nullish()
                    .catch(null)
                    .transform((v) => v ?? null),
                  quote: z
                    .string()
                    .nullish()
                    .catch(null)
                    .transform((v) => v ?? null),
                  signatories: z
                    .number()
                    .int()
                    .nullish()
                    .catch(null)
                    .transform((v) => v ?? null),
                }),
              )
              .catch([]),
          }),
        )
        .catch([]),
    }),
  )
  .catch([]);

export function publicMessageSets(callId: string, options: ReadOptions = {}): Dataset {
  const size = options.batchSize ?? SET_BATCH_SIZE;
  const now = options.now ?? new Date();
  const read = (last: { id: string } | null) =>
    db.messageSet.findMany({
      where: {
        callId,
        status: { in: ["PUBLISHED", "FINAL"] },
        call: { publishedAt: { not: null, lte: now } },
        ...(last && { id: { gt: last.id } }),
      },
      orderBy: { id: "asc" },
      take: size,
      select: {
        id: true,
        slug: true,
        title: true,
        versions: {
          where: { publishedAt: { not: null, lte: now } },
          orderBy: { number: "desc" },
          take: 1,
          select: { number: true, content: true },
        },
      },
    });
  return {
    columns: messageSetColumns(),
    async *batches() {
      for await (const sets of keysetBatches(read, size)) {
        const contents = sets.flatMap((set) =>
          set.versions[0]
            ? [{ set, version: set.versions[0].number, sections: contentSchema.parse(set.versions[0].content) }]
            : [],
        );
        const cited = contents.flatMap((c) => c.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.citations)));
        const ids = [...new Set(cited.flatMap((c) => (c.responseId ? [c.responseId] : [])))];
        const published = new Set(
          (await db.response.findMany({ where: { id: { in: ids }, ...publishedResponse(now) }, select: { id: true } })).map(
            (r) => r.id,
          ),
        );
        yield contents.flatMap(({ set, version, sections }) =>
          rowsOf({ set: set.slug, title: set.title, version }, sections, (c) => {
            const visible = c.responseId !== null && published.has(c.responseId);
            return {
              reference: visible ? c.reference : null,
              stakeholderGroup: c.stakeholderGroup,
              region: c.region,
              quote: visible ? c.quote : null,
              signatories: visible ? c.signatories : null,
            };
          }),
        );
      }
    },
  };
}
