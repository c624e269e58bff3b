// The fonts of the PDFs the server makes, one family per script, all from npm packages under free licences and
// embedded as subsets: DejaVu Sans (`dejavu-fonts-ttf`, Bitstream Vera licence with public-domain changes) for
// Latin, Greek, Cyrillic and everything else it covers; Noto Naskh Arabic (`@embedpdf/fonts-arabic`, SIL OFL
// 1.1) for Arabic; Noto Sans Simplified Chinese (`@embedpdf/fonts-sc`, SIL OFL 1.1) for Chinese. Each
// character goes to its script's family; spaces, digits, punctuation and combining marks stay with the text
// around them; a character the chosen family lacks goes to the first family that has it (no missing-glyph box
// where any of the three can draw it). The files are read at run time from the installed packages (pdfkit is
// not bundled either: serverExternalPackages in next.config.js), once per process.
import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, type Font } from "fontkit";

export type Family = "latin" | "arabic" | "han";
export type Face = "regular" | "bold" | "italic" | "boldItalic" | "mono";
export type Style = { bold?: boolean; italic?: boolean; code?: boolean };

// `scale`: the size a family is set at, relative to the text's: Naskh letters are small beside DejaVu's.
const FILES: Record<Family, { dir: string[]; scale: number; faces: Partial<Record<Face, string>> }> = {
  latin: {
    dir: ["dejavu-fonts-ttf", "ttf"],
    scale: 1,
    faces: {
      regular: "DejaVuSans.ttf",
      bold: "DejaVuSans-Bold.ttf",
      italic: "DejaVuSans-Oblique.ttf",
      boldItalic: "DejaVuSans-BoldOblique.ttf",
      mono: "DejaVuSansMono.ttf",
    },
  },
  arabic: {
    dir: ["@embedpdf", "fonts-arabic", "fonts"],
    scale: 1.12,
    faces: { regular: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
  },
  han: {
    dir: ["@embedpdf", "fonts-sc", "fonts"],
    scale: 1,
    faces: { regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" },
  },
};

const FALLBACK_ORDER: Family[] = ["latin", "arabic", "han"];

const files = new Map<string, Buffer>();
function fontFile(family: Family, face: Face): Buffer {
  const name = FILES[family].faces[face]!;
  let data = files.get(name);
  if (!data) {
    data = readFileSync(join(/* turbopackIgnore: true */ process.cwd(), "node_modules", ...FILES[family].dir, name));
    files.set(name, data);
  }
  return data;
}

/** The face a family draws a style with: Arabic and Chinese have no italic or monospace of their own. */
export function faceOf(family: Family, style: Style): Face {
  const faces = FILES[family].faces;
  const wanted: Face = style.code
    ? "mono"
    : style.bold && style.italic
      ? "boldItalic"
      : style.bold
        ? "bold"
        : style.italic
          ? "italic"
          : "regular";
  if (faces[wanted]) return wanted;
  return style.bold && faces.bold ? "bold" : "regular";
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** The name a face is registered under in a document (registered the first time the document uses it). */
export function fontName(doc: PDFKit.PDFDocument, family: Family, face: Face): string {
  const name = `${family}-${face}`;
  let used = registered.get(doc);
  if (!used) registered.set(doc, (used = new Set()));
  if (!used.has(name)) {
    doc.registerFont(name, fontFile(family, face));
    used.add(name);
  }
  return name;
}

// One parsed copy of each family's regular face, for its coverage and its vertical metrics.
const parsed = new Map<Family, Font>();
function font(family: Family): Font {
  let found = parsed.get(family);
  if (!found) {
    found = create(fontFile(family, "regular")) as Font;
    parsed.set(family, found);
  }
  return found;
}

/** The family that sets most of a text in language `lang` (a BCP 47 tag: "ar", "zh", "ru"…). */
export const familyOfLanguage = (lang: string): Family =>
  /^ar\b/i.test(lang) ? "arabic" : /^(zh|ja)\b/i.test(lang) ? "han" : "latin";

/** The font size a family's characters are set at in text of `size` points. */
export const sizeIn = (family: Family, size: number) => size * FILES[family].scale;

const metrics = new Map<Family, { ascent: number; descent: number }>();

/**
 * Ascent and descent of a family's lines per point of the text's size (the descent positive): the larger of its
 * typographic and Windows metrics, so Arabic marks and Chinese characters get the room their fonts ask for.
 */
export function metricsOf(family: Family) {
  let found = metrics.get(family);
  if (!found) {
    const f = font(family);
    const os2 = f["OS/2"] as { winAscent?: number; winDescent?: number } | undefined;
    const scale = FILES[family].scale / f.unitsPerEm;
    found = {
      ascent: Math.max(f.ascent, os2?.winAscent ?? 0) * scale,
      descent: Math.max(Math.abs(f.descent), Math.abs(os2?.winDescent ?? 0)) * scale,
    };
    metrics.set(family, found);
  }
  return found;
}

const ARABIC = /\p{Script=Arabic}/u;
// Han and the kana, with the CJK punctuation and full-width forms that go with them.
export const HAN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]/u;
// Characters of no script of their own: spaces, digits, punctuation, symbols, combining marks.
const SHARED = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

const covered = new Map<string, boolean>();
function covers(family: Family, codePoint: number) {
  const key = `${family}:${codePoint}`;
  let has = covered.get(key);
  if (has === undefined) {
    has = font(family).hasGlyphForCodePoint(codePoint);
    covered.set(key, has);
  }
  return has;
}

/** Bidirectional controls (marks, embeddings, isolates): they steer the order of the text and are never drawn. */
export const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The family of each UTF-16 unit of `text` (both units of a surrogate pair get the same). */
export function familiesOf(text: string): Family[] {
  const chars = Array.from(text);
  const preferred = chars.map((c): Family | null =>
    c < "\u0080"
      ? /[A-Za-z]/.test(c)
        ? "latin"
        : null
      : ARABIC.test(c)
        ? "arabic"
        : HAN.test(c)
          ? "han"
          : SHARED.test(c)
            ? null
            : "latin",
  );
  // For shared characters at the start: the family of the first character that has one.
  const next: (Family | null)[] = [];
  for (let i = chars.length - 1, after: Family | null = null; i >= 0; i--) next[i] = after = preferred[i] ?? after;
  const result: Family[] = [];
  let previous: Family | null = null;
  chars.forEach((c, i) => {
    const codePoint = c.codePointAt(0)!;
    // A shared character goes with the text before it, or at the start with the text after it.
    let family = preferred[i] ?? previous ?? next[i] ?? "latin";
    if (codePoint > 0x20 && !INVISIBLE.test(c) && !covers(family, codePoint))
      family = FALLBACK_ORDER.find((f) => covers(f, codePoint)) ?? family;
    previous = family;
    for (let unit = 0; unit < c.length; unit++) result.push(family);
  });
  return result;
}
