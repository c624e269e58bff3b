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
//   the two equal), written by a worker (`readerTimes` as READER_TIME_WORKER, which page-cache.mjs serves at
//   READER_TIME_WORKER_PATH; proxy.ts's policy allows workers of this origin): the first date format of a page
//   loads the browser's time zone data, one task of 30-110 ms that the page's own thread is spared;
// - a printed copy with every paragraph's sources opened (components/messages/print-sources.tsx).
// The countdown in a call's last week is the one the server wrote when it made the page (at most
// PUBLIC_CACHE_SECONDS old); it does not move while the page stays open, as without JavaScript.

import { createHash } from "node:crypto";

/** Next.js's scripts: its chunks, the router's payload and its bootstrap, all <script> elements. */
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
/** Its hints to fetch those chunks early. */
const SCRIPT_HINT = /<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*>/g;

/**
 * The reader's own time for each [instant, sentence], as lib/dates/format.ts `formatDate` writes it in the runtime's
 * zone (the reader's, in a browser). Runs in the visitor's browser, in the reading worker or on the page: sent as
 * its own source text, so it uses nothing from outside its body.
 * @param {string} locale
 * @param {[string, string][]} items
 */
export function readerTimes(locale, items) {
  const OFFSET_ONLY = /^(GMT|UTC|غرينتش)\s*[+\-\u2212]/;
  const format = new Intl.DateTimeFormat(locale || "en", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return items.map(([instant, template]) => {
    const parts = format.formatToParts(new Date(instant));
    let time = parts.map((part) => part.value).join("");
    const zoneName = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
    if (!zoneName || OFFSET_ONLY.test(zoneName)) time += ` (${format.resolvedOptions().timeZone})`;
    return (template || "{time}").replace("{time}", time);
  });
}

/**
 * Runs in the visitor's browser, sent as its own source text: so it uses nothing from outside its body and is
 * given `readerTimes` (above) and the reading worker's address.
 * @param {Document} document
 * @param {typeof readerTimes} readerTimes
 * @param {string} workerPath
 */
export function enhanceReadingPage(document, readerTimes, workerPath) {
  const elements = [...document.querySelectorAll("[data-reader-time]")];
  if (elements.length > 0) {
    const locale = document.documentElement.lang || "en";
    const items = elements.map((element) => [
      element.getAttribute("data-reader-time") ?? "",
      element.getAttribute("data-template") ?? "",
    ]);
    const show = (texts) => {
      texts.forEach((text, at) => {
        elements[at].textContent = text;
        elements[at].removeAttribute("aria-hidden");
        elements[at].removeAttribute("hidden");
      });
    };
    // A page's first date format loads the browser's time zone data: 30-110 ms in this machine's Chromium, one
    // task long enough to hold up a tap (Lighthouse counted it as most of the page's blocking time). A worker
    // does it beside the page; where none can be made, the page does it.
    const here = () => show(readerTimes(locale, items));
    let worker = null;
    try {
      if (typeof Worker === "function") worker = new Worker(workerPath);
    } catch {
      // refused (an older browser's policy, a sandbox): the page does it
    }
    if (!worker) here();
    else {
      const done = (texts) => {
        worker.terminate();
        if (texts) show(texts);
        else here();
      };
      worker.onmessage = (event) => done(Array.isArray(event.data) ? event.data : null);
      worker.onerror = () => done(null);
      worker.postMessage({ locale, items });
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

/** The reading worker's source: the reader's times for a page's [instant, sentence] pairs, posted back in order. */
export const READER_TIME_WORKER = `"use strict";const readerTimes=${readerTimes.toString()};self.onmessage=(event)=>self.postMessage(readerTimes(event.data.locale,event.data.items));`;

/** Where the page cache serves the worker: named by its content, so a browser may keep it for good. */
export const READER_TIME_WORKER_PATH = `/_reading/reader-time.${createHash("sha256").update(READER_TIME_WORKER).digest("hex").slice(0, 12)}.js`;

export const READING_SCRIPT = `(${enhanceReadingPage.toString()})(document, ${readerTimes.toString()}, ${JSON.stringify(READER_TIME_WORKER_PATH)});`;

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
