// Issue 13, item 3: the style sheets use logical properties only (margin-inline-start, text-align: start, …), so
// a right-to-left page (<html dir="rtl">) mirrors without rules of its own. A side that is physical in every
// language stays, with its reason on the same line: `text-align: right; /* physical: <reason> */`.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Installed packages, build output (.next, .next-*) and other tools' folders are not the app's style sheets.
const SKIPPED = new Set(["node_modules", "test-results", "playwright-report", "blob-report", "coverage"]);
const EXCUSED = /\/\*\s*physical:\s*\S[^*]*\*\//;

const PHYSICAL_PROPERTY =
  /(?<![\w-])(?:(?:margin|padding|scroll-margin|scroll-padding)-(?:left|right)|left|right|border-(?:left|right)(?:-(?:width|style|color))?|border-(?:top|bottom)-(?:left|right)-radius)\s*:/i;
const PHYSICAL_VALUE = /(?<![\w-])(?:text-align(?:-last)?|float|clear)\s*:\s*(?:left|right)\b/i;
const SIDED_SHORTHAND = /(?<![\w-])(margin|padding|inset|border-width|border-style|border-color|border-radius)\s*:\s*([^;{}]+)/gi;

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith(".css") ? [path] : [];
  });
}

/** The source with its comments blanked (line breaks kept, so line numbers hold). */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
}

/** Values at the top level: "calc(1rem + 2px) 0" is two, not four. */
function values(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of value.replace(/!important/i, "").trim()) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (/\s/.test(char) && depth === 0) {
      if (current) parts.push(current);
      current = "";
    } else current += char;
  }
  return current ? [...parts, current] : parts;
}

/** A shorthand whose left and right values differ (or, for border-radius, whose corners do) does not mirror. */
function sidedShorthand(property: string, value: string): boolean {
  if (property.toLowerCase() === "border-radius") {
    return value.split("/").some((half) => {
      const [a, b = a, c = a, d = b] = values(half); // top-left, top-right, bottom-right, bottom-left
      return a !== b || c !== d;
    });
  }
  const parts = values(value);
  return parts.length === 4 && parts[1] !== parts[3];
}

function physicalLines(css: string): { line: number; text: string }[] {
  const raw = css.split("\n");
  return withoutComments(css)
    .split("\n")
    .flatMap((code, index) => {
      const sided = [...code.matchAll(SIDED_SHORTHAND)].some(([, property, value]) => sidedShorthand(property!, value!));
      const physical = PHYSICAL_PROPERTY.test(code) || PHYSICAL_VALUE.test(code) || sided;
      return physical && !EXCUSED.test(raw[index]!) ? [{ line: index + 1, text: raw[index]!.trim() }] : [];
    });
}

describe("the style sheets", () => {
  const files = cssFiles(ROOT);

  it("are found, the global one among them", () => {
    expect(files.map((file) => relative(ROOT, file))).toContain(join("app", "globals.css"));
  });

  it("use logical properties only, except where a line says why a side is physical", () => {
    const found = files.flatMap((file) =>
      physicalLines(readFileSync(file, "utf8")).map(({ line, text }) => `${relative(ROOT, file)}:${line}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});

describe("the check", () => {
  it("finds physical sides and lopsided shorthands, and lets through logical ones and excused lines", () => {
    const css = [
      ".a { margin-left: 1rem; }",
      ".b { padding-right: 0; border-left: 1px solid; border-top-right-radius: 4px; }",
      ".c { position: absolute; left: 0; }",
      ".d { text-align: right; float: left; clear: right; }",
      ".e { margin: 0 1rem 0 2rem; }",
      ".f { border-radius: 4px 0; }",
      ".g { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start; float: inline-start; }",
      ".h { margin: 0 auto; padding: 0.5rem 1rem 0.25rem; margin: calc(1rem + 2px) 1rem 0 1rem; border-radius: 6px; }",
      ".i { text-align: right; /* physical: digits line up on the right */ }",
      "/* margin-left: 1rem; text-align: left */",
      ".j:hover { justify-content: space-between; overflow-x: auto; }",
    ].join("\n");
    expect(physicalLines(css).map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
