// A public page as the cache of whole pages (page-cache.mjs) sends it to a visitor without a session: the HTML
// Next.js made, without Next.js's scripts. For a visitor every public page is a document: links, GET forms (search,
// filters, compare), native <details>; nothing on it needs React (the forms that post, to comment, report or
// follow, are shown to signed-in people only, whose pages are made for them with the scripts, as every page behind
// sign-in). The scripts are most of what such a page weighs: the framework (React DOM and the router, about
// 110 KB gzip before any of the app's code, more than the 100 KB a reading page may load), and the page's content
// a second time as the router's payload (20 of the home page's 26 KB of HTML). A link is then a full load of a
// page that is usually in this cache.
//
// What the client components on these pages add for a visitor is done by one small script of its own instead
// (`enhanceReadingPage`, sent inline under the page's nonce):
// - the reader's own time beside a date in the call's zone (components/ui/reader-time.tsx renders, before the
//   browser fills it in, an element with the instant and the sentence around it: `data-reader-time`,
//   `data-template`), in the form lib/dates/format.ts `formatDate` writes it (tests/unit/reading-page.test.ts holds
//   the two equal);
// - a printed copy with every paragraph's sources opened (components/messages/print-sources.tsx).
// The countdown in a call's last week is the one the server wrote when it made the page (at most
// PUBLIC_CACHE_SECONDS old); it does not move while the page stays open, as without JavaScript.

/** Next.js's scripts: its chunks, the router's payload and its bootstrap, all <script> elements. */
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
/** Its hints to fetch those chunks early. */
const SCRIPT_HINT = /<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*>/g;

/**
 * Runs in the visitor's browser, sent as its own source text: so it uses nothing from outside its body.
 * @param {Document} document
 */
export function enhanceReadingPage(document) {
  const OFFSET_ONLY = /^(GMT|UTC|غرينتش)\s*[+\-\u2212]/;
  const elements = document.querySelectorAll("[data-reader-time]");
  if (elements.length > 0) {
    // Made once: a page's first date format loads the time zone data (40-110 ms in this machine's Chromium).
    const format = new Intl.DateTimeFormat(document.documentElement.lang || "en", {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    });
    for (const element of elements) {
      const parts = format.formatToParts(new Date(element.getAttribute("data-reader-time") ?? ""));
      let time = parts.map((part) => part.value).join("");
      const zoneName = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
      if (!zoneName || OFFSET_ONLY.test(zoneName)) time += ` (${format.resolvedOptions().timeZone})`;
      element.textContent = (element.getAttribute("data-template") ?? "{time}").replace("{time}", time);
      element.removeAttribute("aria-hidden");
      element.removeAttribute("hidden");
    }
  }
  let opened = [];
  document.defaultView?.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("main details:not([open])")];
    for (const details of opened) details.open = true;
  });
  document.defaultView?.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}

export const READING_SCRIPT = `(${enhanceReadingPage.toString()})(document);`;

/**
 * The page without Next.js's scripts and their preload hints, with the reading script at the end of its body
 * under the page's nonce (which page-cache.mjs replaces with a fresh one for every copy it sends).
 * @param {string} html
 * @param {string} nonce
 */
export function readingPage(html, nonce) {
  const bare = html.replace(SCRIPT, "").replace(SCRIPT_HINT, "");
  const script = `<script nonce="${nonce}">${READING_SCRIPT}</script>`;
  const end = bare.lastIndexOf("</body>");
  return end < 0 ? bare + script : bare.slice(0, end) + script + bare.slice(end);
}
