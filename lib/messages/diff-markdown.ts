// A compared paragraph rendered as Markdown with its changes still marked. The word diff (words.ts) runs on
// the Markdown source; the runs are joined back into one source with private-use marks around inserted and
// deleted runs, rendered through the project's sanitizer (lib/markdown.ts), and only then are the marks
// turned into <ins>/<del>, inside each text node of the sanitized HTML, so the tags always nest (a run that
// crosses **bold** is closed and reopened around the <strong>). The spoken "inserted: … end of insertion"
// is given once per run, at its start and end. Pure.
import { renderMarkdown } from "@/lib/markdown";
import type { DiffToken } from "./words";

const INS_OPEN = "\uE000";
const INS_CLOSE = "\uE001";
const DEL_OPEN = "\uE002";
const DEL_CLOSE = "\uE003";
const MARKS = /[\uE000-\uE003]/g;

export type DiffLabels = { inserted: string; insertedEnd: string; deleted: string; deletedEnd: string };

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The tokens shown (equal, and inserted and/or deleted) as sanitized HTML with <ins>/<del> around the changes. */
export function renderDiffMarkdown(tokens: DiffToken[], labels: DiffLabels): string {
  const source = tokens
    .map((token) => {
      const text = token.text.replace(MARKS, "");
      if (token.type === "insert") return INS_OPEN + text + INS_CLOSE;
      if (token.type === "delete") return DEL_OPEN + text + DEL_CLOSE;
      return text;
    })
    .join("");
  const html = renderMarkdown(source);
  const hidden = (text: string) => `<span class="visually-hidden">${escapeHtml(text)}</span>`;
  let open: "ins" | "del" | null = null;
  // Tags are left as they are (a mark inside an attribute, e.g. a linkified URL, is dropped); text between
  // them is cut at the marks, each piece inside a run wrapped on its own.
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith("<")) return part.replace(MARKS, "");
      let out = "";
      let buffer = "";
      const flush = (closing = "") => {
        if (open && (buffer.trim() || closing)) out += `<${open}>${buffer}${closing}</${open}>`;
        else out += buffer;
        buffer = "";
      };
      for (const char of part) {
        if (char === INS_OPEN || char === DEL_OPEN) {
          flush();
          open = char === INS_OPEN ? "ins" : "del";
          buffer = hidden(`${open === "ins" ? labels.inserted : labels.deleted} `);
        } else if (char === INS_CLOSE || char === DEL_CLOSE) {
          flush(hidden(` ${open === "ins" ? labels.insertedEnd : labels.deletedEnd}`));
          open = null;
        } else buffer += char;
      }
      flush();
      return out;
    })
    .join("");
}
