// A public page as a visitor gets it from the cache of whole pages (scripts/lib/reading-page.mjs): Next.js's
// scripts and their preload hints taken out, the rest of the page as it was, and one script of its own under the
// page's nonce, which writes the reader's time as lib/dates/format.ts does for a signed-in person's page. The browser
// tests read such pages in Chromium (tests/e2e/public.spec.ts, public-cache.spec.ts).
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate } from "@/lib/dates/format";
import { runInNewContext } from "node:vm";
import {
  enhanceReadingPage,
  READER_TIME_WORKER,
  READER_TIME_WORKER_PATH,
  readerTimes,
  READING_SCRIPT,
  readingPage,
} from "@/scripts/lib/reading-page.mjs";

const NONCE = "bm9uY2U=";
const PAGE = [
  `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charSet="utf-8"/>`,
  `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}" data-precedence="next"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/w.js"/>`,
  `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>`,
  `<script src="/_next/static/chunks/main.js" async="" nonce="${NONCE}"></script>`,
  `<title>A call</title><link rel="alternate" hrefLang="fr" href="/fr"/></head>`,
  `<body><main><h1>A call</h1><p>Closes <time dateTime="2027-01-31T23:59:00.000Z">31 January 2027</time></p>`,
  `<form method="get"><input name="q"/><button>Search</button></form></main>`,
  `<script nonce="${NONCE}">self.__next_f=self.__next_f||[]</script>`,
  `<script nonce="${NONCE}">self.__next_f.push([1,"0:{\\"P\\":null}\\n\\u003c/script\\u003e"])</script>`,
  `</body></html>`,
].join("");

describe("a public page for a visitor", () => {
  const page = readingPage(PAGE, NONCE);

  it("has none of Next.js's scripts nor their preload hints", () => {
    expect(page).not.toContain("/_next/static/chunks/main.js");
    expect(page).not.toContain("__next_f");
    expect(page).not.toContain("w.js");
    expect(page).not.toContain("m.js");
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });

  it("keeps the rest of the page as it was", () => {
    expect(page).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}"`);
    expect(page).toContain(`<title>A call</title><link rel="alternate" hrefLang="fr" href="/fr"/></head>`);
    expect(page).toContain(`<form method="get"><input name="q"/><button>Search</button></form></main>`);
    expect(page.startsWith(`<!DOCTYPE html><html lang="en" dir="ltr">`)).toBe(true);
  });

  it("ends its body with the reading script under the page's nonce", () => {
    expect(page).toContain(`<script nonce="${NONCE}">${READING_SCRIPT}</script></body></html>`);
  });
});

type Fake = { attributes: Map<string, string>; textContent: string };

/** Enough of a document for the reading script: elements with attributes and text, the page's language. */
function fakeDocument(lang: string, dates: { date: string; template: string }[]) {
  const elements: Fake[] = dates.map(({ date, template }) => ({
    attributes: new Map([
      ["data-reader-time", date],
      ["data-template", template],
      ["aria-hidden", "true"],
    ]),
    textContent: "\u00a0",
  }));
  const asElement = (fake: Fake) => ({
    getAttribute: (name: string) => fake.attributes.get(name) ?? null,
    removeAttribute: (name: string) => fake.attributes.delete(name),
    set textContent(text: string) {
      fake.textContent = text;
    },
  });
  const document = {
    documentElement: { lang },
    querySelectorAll: (selector: string) => (selector === "[data-reader-time]" ? elements.map(asElement) : []),
  };
  return { document: document as unknown as Document, elements };
}

describe("the reading script", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("writes the reader's time as a signed-in person's page does, in every language and zone", () => {
    const dates = ["2027-01-31T23:59:00.000Z", "2026-07-02T14:05:00.000Z"];
    for (const tz of ["UTC", "Europe/Berlin", "Africa/Lagos", "Asia/Kolkata", "America/Sao_Paulo"]) {
      process.env.TZ = tz; // the runtime's zone, which is the reader's in a browser
      for (const locale of ["en", "ar", "es", "fr", "ru", "zh"]) {
        const { document, elements } = fakeDocument(
          locale,
          dates.map((date) => ({ date, template: "In your time zone: {time}" })),
        );
        enhanceReadingPage(document, readerTimes, READER_TIME_WORKER_PATH);
        dates.forEach((date, at) => {
          expect(elements[at]!.textContent, `${tz} ${locale}`).toBe(`In your time zone: ${formatDate(date, { locale })}`);
          expect(elements[at]!.attributes.has("aria-hidden")).toBe(false);
        });
      }
    }
  });

  it("names the zone when its short name is only an offset", () => {
    process.env.TZ = "Africa/Lagos";
    const { document, elements } = fakeDocument("en", [{ date: "2027-01-31T12:00:00.000Z", template: "({time})" }]);
    enhanceReadingPage(document, readerTimes, READER_TIME_WORKER_PATH);
    expect(elements[0]!.textContent).toMatch(/^\(January 31, 2027 at 01:00\sPM GMT\+1 \(Africa\/Lagos\)\)$/);
  });

  it("opens every closed paragraph's sources for a printed copy, and closes them again after", () => {
    const handlers = new Map<string, () => void>();
    const closed = [{ open: false }, { open: false }];
    const document = {
      documentElement: { lang: "en" },
      defaultView: { addEventListener: (name: string, handler: () => void) => handlers.set(name, handler) },
      querySelectorAll: (selector: string) => (selector === "main details:not([open])" ? closed.filter((d) => !d.open) : []),
    } as unknown as Document;
    enhanceReadingPage(document, readerTimes, READER_TIME_WORKER_PATH);
    handlers.get("beforeprint")!();
    expect(closed.map((details) => details.open)).toEqual([true, true]);
    handlers.get("afterprint")!();
    expect(closed.map((details) => details.open)).toEqual([false, false]);
  });

  it("is sent as source that calls itself on the page's document, with the worker's address", () => {
    expect(READING_SCRIPT.startsWith("(function enhanceReadingPage(document, readerTimes, workerPath)")).toBe(true);
    expect(READING_SCRIPT.endsWith(`, "${READER_TIME_WORKER_PATH}");`)).toBe(true);
    expect(READER_TIME_WORKER_PATH).toMatch(/^\/_reading\/reader-time\.[0-9a-f]{12}\.js$/);
  });
});

/** A page whose browser makes workers: the messages it posts and the worker's handlers, to answer or fail. */
function pageWithWorker(lang: string, dates: { date: string; template: string }[]) {
  const page = fakeDocument(lang, dates);
  const made: { path: string; posted: unknown[]; terminated: boolean; worker: Record<string, (event: unknown) => void> }[] = [];
  class FakeWorker {
    constructor(path: string) {
      made.push({ path, posted: [], terminated: false, worker: this as unknown as Record<string, (event: unknown) => void> });
    }
    postMessage(message: unknown) {
      made.at(-1)!.posted.push(message);
    }
    terminate() {
      made.at(-1)!.terminated = true;
    }
  }
  return { ...page, made, FakeWorker };
}

describe("the reading worker", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    vi.unstubAllGlobals();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("is given the page's dates and their sentences, and its answer is shown", () => {
    const { document, elements, made, FakeWorker } = pageWithWorker("fr", [
      { date: "2027-01-31T23:59:00.000Z", template: "Chez vous : {time}" },
    ]);
    vi.stubGlobal("Worker", FakeWorker);
    enhanceReadingPage(document, readerTimes, READER_TIME_WORKER_PATH);
    expect(made).toHaveLength(1);
    expect(made[0]!.path).toBe(READER_TIME_WORKER_PATH);
    expect(made[0]!.posted).toEqual([{ locale: "fr", items: [["2027-01-31T23:59:00.000Z", "Chez vous : {time}"]] }]);
    expect(elements[0]!.attributes.has("aria-hidden")).toBe(true); // nothing shown before the worker answers
    made[0]!.worker.onmessage!({ data: ["Chez vous : 1 février 2027"] });
    expect(elements[0]!.textContent).toBe("Chez vous : 1 février 2027");
    expect(elements[0]!.attributes.has("aria-hidden")).toBe(false);
    expect(made[0]!.terminated).toBe(true);
  });

  it("falls back to the page when the worker fails (a policy refusing it, a network error)", () => {
    process.env.TZ = "Asia/Kolkata";
    const date = "2027-01-31T23:59:00.000Z";
    const { document, elements, made, FakeWorker } = pageWithWorker("es", [{ date, template: "{time}" }]);
    vi.stubGlobal("Worker", FakeWorker);
    enhanceReadingPage(document, readerTimes, READER_TIME_WORKER_PATH);
    made[0]!.worker.onerror!({});
    expect(elements[0]!.textContent).toBe(formatDate(date, { locale: "es" }));
    expect(made[0]!.terminated).toBe(true);
  });

  it("answers with the reader's times as formatDate writes them, in the order asked", () => {
    process.env.TZ = "America/Sao_Paulo";
    const answers: unknown[] = [];
    const self: { onmessage?: (event: { data: unknown }) => void; postMessage: (data: unknown) => void } = {
      postMessage: (data) => answers.push(data),
    };
    runInNewContext(READER_TIME_WORKER, { self, Intl, Date });
    const dates = ["2027-01-31T23:59:00.000Z", "2026-07-02T14:05:00.000Z"];
    self.onmessage!({ data: { locale: "ru", items: dates.map((date) => [date, "({time})"]) } });
    expect(answers).toEqual([dates.map((date) => `(${formatDate(date, { locale: "ru" })})`)]);
  });
});
