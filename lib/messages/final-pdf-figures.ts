// The final PDF's closing sections (./final-pdf.ts): who contributed (named only with their consent, the
// others counted), who commented under their name, and the participation figures with small counts
// suppressed, as tagged tables and lists in the reader's language.
import "server-only";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import type { FinalMessages } from "./final";
import { organisationText, responseUrl } from "./final-document";
import {
  BULLET,
  column,
  gap,
  heading,
  isolate,
  listItem,
  MUTED,
  SMALL,
  table,
  write,
  writeIn,
  type Page,
} from "./final-pdf-layout";

export function writeContributors(p: Page, set: FinalMessages) {
  const { text, tags } = p;
  const { t } = text;
  const sect = tags.element("Sect", tags.root);
  heading(p, t("contributorsHeading"), 14, "H2", sect);
  const c = set.contributors;
  if (!c) {
    write(p, [{ text: t("noCall") }], sect);
    tags.end(sect);
    return;
  }
  write(p, [{ text: t("contributorsIntro") }], sect, { size: SMALL + 1 });
  gap(p, 5);
  const summary = `${t("contributorsSummary", { total: c.total })} ${
    c.total > 0
      ? t("contributorsBreakdown", { named: c.named.length, anonymous: c.anonymousCount, hidden: c.notPublishedCount })
      : ""
  }`;
  write(p, [{ text: summary.trim() }], sect);
  gap(p, 6);
  const width = column(p).width;
  if (c.named.length === 0) write(p, [{ text: t("noNamed") }], sect);
  else
    table(
      p,
      sect,
      [
        { header: t("name"), width: 140 },
        { header: t("organisation"), width: 160 },
        { header: t("group"), width: 110 },
        { header: t("response"), width: width - 410 },
      ],
      c.named.map((person) => [
        { text: person.name ?? "", dir: "auto" },
        { text: organisationText(person), dir: "auto" },
        { text: person.stakeholderGroup ? text.group(person.stakeholderGroup) : "" },
        { text: person.reference ?? "", link: person.reference ? responseUrl(person.reference, text.locale) : null, dir: "ltr" },
      ]),
      { caption: t("namedCaption") },
    );
  if (c.anonymousByGroup.length) {
    const list = tags.element("L", sect);
    for (const { group, count } of c.anonymousByGroup)
      listItem(
        p,
        list,
        { text: BULLET },
        (body, box) =>
          writeIn(p, body, [{ text: t("anonymousByGroup", { count, group: text.group(group) }) }], { box, size: SMALL + 1 }),
        { size: SMALL + 1 },
      );
    tags.end(list);
  }

  heading(p, t("commentersHeading"), 12, "H3", sect);
  if (set.commenters.length === 0) write(p, [{ text: t("noCommenters") }], sect);
  else {
    write(p, [{ text: t("commentersIntro") }], sect, { size: SMALL + 1 });
    gap(p, 4);
    const list = tags.element("L", sect);
    for (const person of set.commenters)
      listItem(p, list, { text: BULLET }, (body, box) =>
        writeIn(p, body, [{ text: isolate(person.name) }, { text: ` — ${text.group(person.stakeholderGroup)}`, italic: true }], {
          box,
        }),
      );
    tags.end(list);
  }
  tags.end(sect);
}

export function writeParticipation(p: Page, set: FinalMessages) {
  const { text, tags } = p;
  const { t } = text;
  const width = column(p).width;
  const sect = tags.element("Sect", tags.root);
  heading(p, t("participationHeading"), 14, "H2", sect);
  if (set.participation) {
    const { table: figures } = set.participation;
    const first = 98;
    const last = 50;
    const regionWidth = (width - first - last) / UN_REGIONS.length;
    table(
      p,
      sect,
      [
        { header: t("group"), width: first },
        ...UN_REGIONS.map((r) => ({ header: text.region(r), width: regionWidth })),
        { header: t("total"), width: last },
      ],
      [
        ...STAKEHOLDER_GROUPS.map((g) => [
          { text: text.group(g), bold: true, header: true },
          ...UN_REGIONS.map((r) => ({ text: text.count(figures.cells[g][r]) })),
          { text: text.count(figures.rowTotals[g]) },
        ]),
        [
          { text: t("total"), bold: true, header: true },
          ...UN_REGIONS.map((r) => ({ text: text.count(figures.columnTotals[r]) })),
          { text: text.number(figures.total), bold: true },
        ],
      ],
      { caption: t("participationCaption"), size: 7.5 },
    );
  }
  table(
    p,
    sect,
    [
      { header: t("group"), width: 220 },
      { header: t("comments"), width: 80 },
    ],
    [
      ...STAKEHOLDER_GROUPS.map((g) => [
        { text: text.group(g), bold: true, header: true },
        { text: text.count(set.comments.groups[g]) },
      ]),
      [
        { text: t("total"), bold: true, header: true },
        { text: text.number(set.comments.total), bold: true },
      ],
    ],
    { caption: t("commentsCaption") },
  );
  write(p, [{ text: t("suppression", { n: SMALL_CELL - 1, m: SMALL_CELL }) }], sect, { size: SMALL, color: MUTED });
  tags.end(sect);
}
