// Which page states axe has scanned clean in this run, so a state is scanned once however many tests reach
// it. A state is the path with its ids left out, the viewport, and the page's markup apart from text and ids:
// the set of distinct elements, each as its tag, classes, role, type, state attributes (aria-*, disabled,
// open, ...) and the names of its other attributes, and whether it is an empty leaf. An error shown, a field marked
// invalid, a dialog or a section opened, another heading level: each is a new state, scanned again.
// The run's log (global-setup.ts starts it, global-teardown.ts prints it) is one JSON line per scan.
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";

export type PageState = { key: string; path: string };
type Scan = PageState & { skipped: boolean; ms: number };

const log = () => process.env.IGF_AXE_SCAN_LOG;

/** The path with every segment holding a digit or longer than 24 characters (ids, generated slugs) as ":id". */
export function pathPattern(url: string) {
  const { pathname, searchParams } = new URL(url);
  const segments = pathname.split("/").map((part) => (/\d/.test(part) || part.length > 24 ? ":id" : part));
  const query = [...new Set(searchParams.keys())].sort();
  return segments.join("/") + (query.length ? `?${query.join("&")}` : "");
}

export async function pageState(page: Page): Promise<PageState> {
  const markup = await page.evaluate(() => {
    const KEPT =
      /^(aria-(?!label$|labelledby$|describedby$|controls$|owns$)|role$|type$|disabled$|hidden$|open$|required$|readonly$|checked$|selected$|multiple$|tabindex$|lang$|dir$|style$|inert$|popover$)/;
    const seen = new Set<string>();
    for (const element of document.querySelectorAll("html, head > title, body, body *")) {
      if (element.closest("script, style, template, noscript")) continue;
      const attributes = [...element.attributes]
        .map((a) => (KEPT.test(a.name) ? `${a.name}=${a.value}` : a.name))
        .sort()
        .join(" ");
      // Leaves only, so the walk stays linear in the page's size.
      const empty =
        element.childElementCount === 0 &&
        !element.textContent?.trim() &&
        !/^(IMG|INPUT|SELECT|TEXTAREA|VIDEO|BR|HR|IFRAME)$/.test(element.tagName);
      seen.add(`${element.tagName} .${element.getAttribute("class") ?? ""} ${attributes}${empty ? " (empty)" : ""}`);
    }
    return [...seen].sort().join("\n");
  });
  const viewport = page.viewportSize();
  const path = pathPattern(page.url());
  const key = createHash("sha256")
    .update(`${path}\n${viewport?.width}x${viewport?.height}\n${markup}`)
    .digest("hex")
    .slice(0, 16);
  return { key, path };
}

function scans(): Scan[] {
  const file = log();
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Scan);
}

export const scannedClean = (state: PageState) => scans().some((scan) => !scan.skipped && scan.key === state.key);

export function recordScan(state: PageState, outcome: { skipped: boolean; ms: number }) {
  const file = log();
  if (file) appendFileSync(file, JSON.stringify({ ...state, ...outcome }) + "\n");
}

/** The run's scans as lines for the output: each page state, scanned once, and how often it was skipped. */
export function scanSummary() {
  const byKey = new Map<string, { path: string; scanned: number; skipped: number; ms: number }>();
  for (const scan of scans()) {
    const entry = byKey.get(scan.key) ?? { path: scan.path, scanned: 0, skipped: 0, ms: 0 };
    if (scan.skipped) entry.skipped++;
    else entry.scanned++;
    entry.ms += scan.ms;
    byKey.set(scan.key, entry);
  }
  const entries = [...byKey.entries()].sort((a, b) => a[1].path.localeCompare(b[1].path));
  const scanned = entries.reduce((n, [, e]) => n + e.scanned, 0);
  const skipped = entries.reduce((n, [, e]) => n + e.skipped, 0);
  const seconds = Math.round(entries.reduce((n, [, e]) => n + e.ms, 0) / 1000);
  return [
    `[axe] ${entries.length} page states scanned clean (${scanned} scans, ${seconds} s); ${skipped} repeat scans skipped:`,
    ...entries.map(
      ([key, e]) => `[axe]   ${e.path}  state ${key}  scanned ${e.scanned}${e.skipped ? `, skipped ${e.skipped}` : ""}`,
    ),
  ];
}
