// The final messages as a Markdown file: the frozen text (paragraph bodies are Markdown already and go in
// as written), each paragraph numbered with its sources as absolute links to their public pages, then the
// contributors (named only with consent) and the participation figures (suppressed). Every other piece of
// text (titles of calls, names, organisations, headings, references) is escaped, so a name like
// "*Ada* [x](javascript:…)" stays a name. The fixed text is in the reader's language (documentText), English
// by default; a translated set says from which language under its title.
import "server-only";
import { SMALL_CELL } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS, UN_REGIONS } from "@/lib/profile/schemas";
import type { FinalMessages } from "./final";
import {
  callLines,
  englishText,
  languagesOf,
  messagesUrl,
  noteRange,
  numberedNotes,
  organisationText,
  responseUrl,
  siteUrl,
  siteUrlIn,
  sourceAuthor,
  sourceLabel,
  type DocumentText,
  type SourceNote,
} from "./final-document";

/** Text that is not meant as Markdown, on one line, with every Markdown punctuation escaped. */
export function escapeMarkdown(text: string) {
  return (
    text
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\\`*_{}[\]()<>#!|~&]/g, (c) => `\\${c}`)
      // What only means something at the start of a line: a list item, a numbered item, a heading underline.
      .replace(/^(\d+)([.)])/, "$1\\$2")
      .replace(/^([-+=])/, "\\$1")
  );
}

const cell = (text: string) => escapeMarkdown(text) || " ";
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

// A body that starts with a block of its own (heading, list, quote, code, table) gets its number on a line
// before it; any other starts with its number in bold.
const BLOCK_START = /^\s*(#|[-*+]\s|\d+[.)]\s|>|```|~~~|\||\s{4})/;

export function finalMarkdown(set: FinalMessages, text: DocumentText = englishText()): string {
  const { t } = text;
  const out: string[] = [];
  const forum = set.callDetails?.forumName ?? set.forumName;
  if (set.publication.logo) out.push(`![${escapeMarkdown(t("logoAlt", { forum }))}](${siteUrl()}${set.publication.logo})`, "");
  out.push(`# ${escapeMarkdown(set.title)}`, "");
  const { translation } = languagesOf(set);
  if (translation)
    out.push(`*${escapeMarkdown(t("documentTranslatedFrom", { language: text.language(translation.from) }))}*`, "");
  out.push(`*${escapeMarkdown(t("documentFinalised", { date: text.date(set.finalisedAt) }))}*`, "");
  for (const line of callLines(set, text)) out.push(escapeMarkdown(line), "");
  out.push(`${escapeMarkdown(t("documentWebPage", { url: "" }))} <${messagesUrl(set.slug, text.locale)}>`, "");
  if (set.abstract.trim()) out.push(`## ${escapeMarkdown(t("abstractHeading"))}`, "", escapeMarkdown(set.abstract.trim()), "");
  if (set.introduction.trim()) out.push(set.introduction.trim(), "");

  const numbered = numberedNotes(set);
  const annex: SourceNote[] = [];
  set.sections.forEach((section, index) => {
    const { notes, numbers } = numbered[index]!;
    out.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const paragraph of section.paragraphs) {
      const body = paragraph.body.trim();
      const number = `**${escapeMarkdown(text.number(paragraph.number))}\\.**`;
      out.push(BLOCK_START.test(body) ? `${number}\n\n${body}` : `${number} ${body}`, "");
      const own = numbers.get(paragraph.number) ?? [];
      const refs = own.length
        ? t(set.sourceNotes === "ANNEX" ? "noteRefsAnnex" : "noteRefs", { range: noteRange(own, text), count: own.length })
        : t("noSources");
      out.push(`*${escapeMarkdown(refs)}*`, "");
    }
    if (set.sourceNotes === "ANNEX") annex.push(...notes);
    else if (notes.length) out.push(`**${escapeMarkdown(t("notesHeading"))}**`, "", ...notesMarkdown(notes, text), "");
  });
  if (annex.length) out.push(`## ${escapeMarkdown(t("annexHeading"))}`, "", ...notesMarkdown(annex, text), "");

  out.push(...contributorsMarkdown(set, text), ...participationMarkdown(set, text));
  const { about, contact } = set.publication;
  if (about.trim()) out.push(`## ${escapeMarkdown(t("aboutHeading", { forum }))}`, "", about.trim(), "");
  if (contact.trim())
    out.push(
      `## ${escapeMarkdown(t("contactHeading"))}`,
      "",
      // One line each, kept as lines (a hard break: two spaces before each line end).
      contact
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => escapeMarkdown(line))
        .join("  \n"),
      "",
    );
  out.push(
    `## ${escapeMarkdown(t("sourcesHeading"))}`,
    "",
    escapeMarkdown(t("sourcesNote", { url: siteUrlIn(text.locale) })),
    "",
  );
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** Numbered notes as a Markdown list that starts at their first number: who, the receipt linked, the quote. */
function notesMarkdown(notes: readonly SourceNote[], text: DocumentText) {
  const { t } = text;
  const out: string[] = [];
  for (const { number, source } of notes) {
    const marker = `${number}.`;
    if (!source.available) {
      out.push(`${marker} ${escapeMarkdown(t(source.removed ? "removed" : "unavailable"))}`);
      continue;
    }
    const label = sourceLabel(source, text);
    const author = sourceAuthor(source);
    out.push(
      `${marker} ${author ? `${escapeMarkdown(author)}, ` : ""}[${escapeMarkdown(source.reference)}](${responseUrl(source.reference, text.locale)})${label ? ` (${escapeMarkdown(label)})` : ""}`,
    );
    if (source.quote) out.push(`${" ".repeat(marker.length + 1)}> ${escapeMarkdown(source.quote)}`);
  }
  return out;
}

function contributorsMarkdown(set: FinalMessages, text: DocumentText) {
  const { t } = text;
  const out = [`## ${escapeMarkdown(t("contributorsHeading"))}`, ""];
  const c = set.contributors;
  if (!c) return [...out, escapeMarkdown(t("noCall")), ""];
  out.push(escapeMarkdown(t("contributorsIntro")), "");
  out.push(
    escapeMarkdown(
      `${t("contributorsSummary", { total: c.total })} ${
        c.total > 0
          ? t("contributorsBreakdown", { named: c.named.length, anonymous: c.anonymousCount, hidden: c.notPublishedCount })
          : ""
      }`,
    ),
    "",
  );
  if (c.named.length === 0) out.push(escapeMarkdown(t("noNamed")), "");
  else {
    out.push(row([t("name"), t("organisation"), t("group"), t("response")].map(cell)), row(["---", "---", "---", "---"]));
    for (const person of c.named)
      out.push(
        row([
          cell(person.name ?? ""),
          cell(organisationText(person)),
          cell(person.stakeholderGroup ? text.group(person.stakeholderGroup) : ""),
          person.reference ? `[${escapeMarkdown(person.reference)}](${responseUrl(person.reference, text.locale)})` : " ",
        ]),
      );
    out.push("");
  }
  for (const { group, count } of c.anonymousByGroup)
    out.push(`- ${escapeMarkdown(t("anonymousByGroup", { count, group: text.group(group) }))}`);
  if (c.anonymousByGroup.length) out.push("");

  out.push(`### ${escapeMarkdown(t("commentersHeading"))}`, "");
  if (set.commenters.length === 0) out.push(escapeMarkdown(t("noCommenters")), "");
  else {
    out.push(escapeMarkdown(t("commentersIntro")), "");
    for (const person of set.commenters)
      out.push(`- ${escapeMarkdown(person.name)} (${escapeMarkdown(text.group(person.stakeholderGroup))})`);
    out.push("");
  }
  return out;
}

function participationMarkdown(set: FinalMessages, text: DocumentText) {
  const { t } = text;
  const out = [`## ${escapeMarkdown(t("participationHeading"))}`, ""];
  if (set.participation) {
    const { table } = set.participation;
    out.push(`*${escapeMarkdown(t("participationCaption"))}*`, "");
    out.push(
      row([t("group"), ...UN_REGIONS.map(text.region), t("total")].map(cell)),
      row(Array(UN_REGIONS.length + 2).fill("---")),
    );
    for (const group of STAKEHOLDER_GROUPS)
      out.push(
        row([
          cell(text.group(group)),
          ...UN_REGIONS.map((r) => cell(text.count(table.cells[group][r]))),
          cell(text.count(table.rowTotals[group])),
        ]),
      );
    out.push(
      row([cell(t("total")), ...UN_REGIONS.map((r) => cell(text.count(table.columnTotals[r]))), cell(text.number(table.total))]),
      "",
    );
  }
  out.push(`*${escapeMarkdown(t("commentsCaption"))}*`, "");
  out.push(row([cell(t("group")), cell(t("comments"))]), row(["---", "---"]));
  for (const group of STAKEHOLDER_GROUPS) out.push(row([cell(text.group(group)), cell(text.count(set.comments.groups[group]))]));
  out.push(row([cell(t("total")), cell(text.number(set.comments.total))]), "");
  out.push(escapeMarkdown(t("suppression", { n: SMALL_CELL - 1, m: SMALL_CELL })), "");
  return out;
}
