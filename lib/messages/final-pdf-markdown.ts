// Markdown (an introduction, a paragraph's body) drawn in the final PDF as styled, tagged text: headings (H*),
// paragraphs (P), lists (L, LI, Lbl, LBody), quotes (BlockQuote), code, links (Link). Read as markdown-it
// tokens; raw HTML is never interpreted (html: false, as on the page). Lists and quotes are indented from the
// start side of the text's own direction: an Arabic list has its markers on the right.
import "server-only";
import MarkdownIt from "markdown-it";
import type { Element } from "@/lib/pdf/tags";
import type { Span } from "@/lib/pdf/text";
import { directionOf } from "@/lib/i18n/config";
import {
  BODY,
  BULLET,
  column,
  element,
  gap,
  inset,
  keepSpace,
  MUTED,
  openListItem,
  TEXT,
  write,
  type Box,
  type Page,
} from "./final-pdf-layout";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });
type Tokens = ReturnType<typeof markdown.parse>;

const linkable = (href: string | null) => (href && /^(https?:|mailto:)/i.test(href) ? href : null);

/** The spans of an inline token's children: emphasis, code and links kept, everything else as text. */
function inlineSpans(children: Tokens, base: Span = { text: "" }): Span[] {
  const spans: Span[] = [];
  let bold = Boolean(base.bold);
  let italic = Boolean(base.italic);
  let link: string | null = null;
  for (const child of children) {
    switch (child.type) {
      case "strong_open":
        bold = true;
        break;
      case "strong_close":
        bold = Boolean(base.bold);
        break;
      case "em_open":
        italic = true;
        break;
      case "em_close":
        italic = Boolean(base.italic);
        break;
      case "link_open":
        link = linkable(String(child.attrGet("href") ?? ""));
        break;
      case "link_close":
        link = null;
        break;
      case "code_inline":
        spans.push({ text: child.content, code: true, link });
        break;
      case "softbreak":
        spans.push({ text: " ", bold, italic, link });
        break;
      case "hardbreak":
        spans.push({ text: "\n", bold, italic, link });
        break;
      case "image":
        spans.push({ text: child.content, italic: true });
        break;
      default:
        if (child.content) spans.push({ text: child.content, bold, italic, link });
    }
  }
  return spans;
}

const HEADING_SIZE: Record<string, number> = { h1: 14, h2: 13, h3: 12, h4: 11, h5: BODY, h6: BODY };
const LIST_INDENT = 16;
const QUOTE_INDENT = 14;

type Open = { kind: "list"; element: Element; ordered: boolean; n: number } | { kind: "quote"; element: Element };

/**
 * Markdown drawn from doc.y as children of `parent`, in `box` (the whole column by default), in language
 * `lang`; its headings are H`topHeading` and below.
 */
export function writeMarkdown(
  p: Page,
  source: string,
  parent: Element,
  { box = column(p), lang, size = BODY, topHeading = 2 }: { box?: Box; lang: string; size?: number; topHeading?: number },
) {
  const rtl = directionOf(lang) === "rtl";
  const open: Open[] = [];
  // Inside a list item: its LBody and box, and the marker still to draw beside its first line.
  const items: { body: Element; box: Box; marker: string | null; done: () => void }[] = [];
  let heading: string | null = null;
  const container = () => items[items.length - 1]?.body ?? open.findLast((o) => o.kind === "quote")?.element ?? parent;
  const quoted = () => open.some((o) => o.kind === "quote");
  const boxNow = () => {
    const quotes = open.filter((o) => o.kind === "quote").length;
    return inset(items[items.length - 1]?.box ?? box, quotes * QUOTE_INDENT, rtl);
  };
  const blockText = (spans: Span[], type: string, textSize = size) =>
    write(p, spans, container(), { type, box: boxNow(), size: textSize, lang, color: quoted() ? MUTED : TEXT });

  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case "heading_open":
        heading = token.tag;
        keepSpace(p, 40);
        break;
      case "heading_close":
        heading = null;
        gap(p, 4);
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        open.push({
          kind: "list",
          element: element(p, "L", container(), lang),
          ordered: token.type === "ordered_list_open",
          n: Number(token.attrGet("start") ?? 1) - 1,
        });
        break;
      case "bullet_list_close":
      case "ordered_list_close": {
        const list = open.pop()!;
        p.tags.end(list.element);
        if (!open.some((o) => o.kind === "list")) gap(p, 6);
        break;
      }
      case "list_item_open": {
        const list = open.findLast((o) => o.kind === "list")!;
        if (list.kind !== "list") break;
        list.n += 1;
        items.push({ body: list.element, box: boxNow(), marker: list.ordered ? `${list.n}.` : BULLET, done: () => {} });
        break;
      }
      case "list_item_close":
        items.pop()?.done();
        break;
      case "blockquote_open":
        open.push({ kind: "quote", element: element(p, "BlockQuote", container(), lang) });
        break;
      case "blockquote_close":
        p.tags.end(open.pop()!.element);
        break;
      case "paragraph_close":
        if (!items.length) gap(p, 6);
        break;
      case "hr":
        gap(p, 4);
        p.tags.artifact(() => {
          const { x, width } = boxNow();
          p.doc
            .moveTo(x, p.doc.y)
            .lineTo(x + width, p.doc.y)
            .strokeColor(MUTED)
            .lineWidth(0.5)
            .stroke();
        });
        gap(p, 7);
        break;
      case "fence":
      case "code_block":
        blockText([{ text: token.content.replace(/\n$/, ""), code: true }], "Code", size - 1);
        gap(p, 6);
        break;
      case "inline": {
        const spans = inlineSpans(token.children ?? [], { text: "", bold: heading !== null, italic: quoted() });
        const type = heading ? `H${Math.min(6, Math.max(topHeading, Number(heading.slice(1)) + topHeading - 1))}` : "P";
        const textSize = heading ? (HEADING_SIZE[heading] ?? size) : size;
        const item = items[items.length - 1];
        if (item?.marker) {
          // The item's Lbl and LBody, made at its first text so the marker stands level with it.
          const opened = openListItem(
            p,
            item.body,
            { text: item.marker },
            { box: item.box, indent: LIST_INDENT, size: textSize, lang, rtl },
          );
          Object.assign(item, { body: opened.body, box: opened.box, marker: null, done: opened.close });
        }
        blockText(spans, type, textSize);
        break;
      }
    }
  }
  while (items.length) items.pop()!.done();
  for (const o of open.reverse()) p.tags.end(o.element);
}
