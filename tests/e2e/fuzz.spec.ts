// Issue 11 (items 2 and 5): hostile input never makes the server fail. Every page and route handler pattern is
// read FROM THE CODE (app/**/page.tsx and route.ts), its dynamic segments filled with real ids of the seeded
// demo and with hostile values (NUL, lone surrogates UTF-8-encoded and %u-style, a non-character), its query
// with the same, 1 MB query strings, unknown methods (TRACE, PROPFIND, FOO); every server action (read from the
// build's manifest) gets NUL, lone surrogates and 1 MB in its fields; cross-site and oversized action posts.
// As a visitor, a signed-in stakeholder and an administrator. The assertion: no answer is a 5xx.
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { BASE_URL } from "@/playwright.config";
import { db, expect, signInAs, test } from "./fixtures";

// About 25 s per pass on an idle 2-core machine; the timeout leaves room for a machine shared with other runs.
test.describe.configure({ mode: "serial", timeout: 180_000 });

// (More variants, e.g. U+10FFFF and a lone "%", are in tests/unit/request-guard.test.ts; this stays bounded.)
const HOSTILE_SEGMENTS = ["%00", "%ED%A0%80", "%uD800", "%EF%BF%BF"];
const HOSTILE_VALUES = ["%00", "%ED%A0%80", "%uD800", "%EF%BF%BF", "x%00%EF%BF%BE"];
const QUERY_NAMES = [
  "q",
  "cursor",
  "page",
  "tab",
  "group",
  "region",
  "question",
  "campaign",
  "view",
  "before",
  "from",
  "to",
  "action",
  "actor",
  "call",
  "tag",
  "limit",
  "status",
  "forum",
  "callbackUrl",
  "error",
  "email",
  "kind",
  "since",
  "until",
];
const METHODS = ["TRACE", "PROPFIND", "FOO"];
const MEGABYTE = "a".repeat(1024 * 1024);

type Pattern = { path: string; kind: "page" | "route" };

/** The address of a folder under app/: route groups and the locale segment (English is unprefixed) left out. */
const addressOf = (folder: string) =>
  `/${folder}`
    .replace(/\/\([^)]+\)/g, "")
    .replace(/^\/\[locale\]/, "")
    .replace(/\/+/g, "/")
    .replace(/(.)\/$/, "$1") || "/";

/** Every URL pattern of the app: folders under app/ with a page.tsx or route.ts. */
function patterns(): Pattern[] {
  const found: Pattern[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        found.push({ path: addressOf(dir.slice("app/".length)), kind: entry.name === "page.tsx" ? "page" : "route" });
      }
    }
  };
  walk("app");
  return found;
}

type Ids = Record<string, string>;

async function demoIds(): Promise<Ids> {
  const response = await db.response.findFirstOrThrow({
    where: { reference: { not: null }, call: { publishedAt: { not: null } } },
    select: { id: true, reference: true, call: { select: { id: true, slug: true, forum: { select: { slug: true } } } } },
  });
  const call = response.call;
  const set = await db.messageSet.findFirst({ select: { id: true, slug: true } });
  const attachment = await db.attachment.findFirst({ select: { id: true } });
  return {
    callSlug: call.slug,
    callId: call.id,
    forumSlug: call.forum.slug,
    responseId: response.id,
    reference: response.reference!,
    setSlug: set?.slug ?? "no-set",
    setId: set?.id ?? "no-set",
    attachmentId: attachment?.id ?? "no-attachment",
  };
}

/** A real value for a dynamic segment, chosen by where it is. */
function realValue(path: string, segment: string, ids: Ids): string {
  const name = segment.replace(/^\[(\.\.\.)?|\]$/g, "");
  const under = (prefix: string) => path.startsWith(prefix);
  switch (name) {
    case "slug":
      if (under("/messages") || under("/api/v1/message-sets")) return ids.setSlug!;
      if (under("/api/v1/forums")) return ids.forumSlug!;
      return ids.callSlug!;
    case "id":
      if (under("/moderation/calls") || under("/api/moderation/calls")) return ids.callId!;
      if (under("/moderation/messages")) return ids.setId!;
      if (under("/api/attachments")) return ids.attachmentId!;
      return ids.responseId!;
    case "reference":
      return ids.reference!;
    case "number":
      return "1";
    case "file":
      return "responses.csv";
    case "target":
      return "set";
    case "nextauth":
      return "session";
    default:
      return "a/b";
  }
}

const fill = (path: string, value: (segment: string) => string) => path.replace(/\[[^\]]+\]/g, (segment) => value(segment));

type Failure = string;

/** Runs `jobs` a few at a time (the server shares a small machine) and returns the 5xx answers. */
async function run(jobs: (() => Promise<Failure | null>)[], concurrency = 6): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const failure = await jobs[next++]!();
        if (failure) failures.push(failure);
      }
    }),
  );
  return failures;
}

/** One raw request (no redirects followed): a failure when it answers 5xx or does not answer. */
function probe(
  api: APIRequestContext,
  method: string,
  url: string,
  options: { headers?: Record<string, string>; multipart?: Record<string, string>; label?: string } = {},
) {
  const { label = "", ...fetchOptions } = options;
  return async (): Promise<Failure | null> => {
    try {
      const answer = await api.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000, ...fetchOptions });
      return answer.status() >= 500 ? `${answer.status()} ${method} ${url.slice(0, 200)} ${label}` : null;
    } catch (error) {
      return `no answer: ${method} ${url.slice(0, 200)}: ${String(error).slice(0, 200)}`;
    }
  };
}

/** `anonymous`: also what is refused before anyone is known (1 MB addresses, methods): once is enough. */
function urlJobs(api: APIRequestContext, ids: Ids, only: (path: string) => boolean, anonymous: boolean) {
  const jobs: (() => Promise<Failure | null>)[] = [];
  for (const { path, kind } of patterns().filter(({ path }) => only(path))) {
    const real = fill(path, (segment) => realValue(path, segment, ids));
    // Hostile path segments: every dynamic segment, and an extra segment on static paths.
    const hostilePaths = path.includes("[")
      ? HOSTILE_SEGMENTS.map((value) => fill(path, () => value))
      : HOSTILE_SEGMENTS.slice(0, 3).map((value) => `${path === "/" ? "" : path}/${value}`);
    for (const url of hostilePaths) jobs.push(probe(api, "GET", url));
    // Hostile query strings on the real path: every known parameter at once, one hostile value at a time for
    // route handlers (they do not clean queries), all of them mixed for pages (the proxy cleans them).
    const query = (value: (i: number) => string) => QUERY_NAMES.map((name, i) => `${name}=${value(i)}`).join("&");
    if (kind === "route") for (const value of HOSTILE_VALUES) jobs.push(probe(api, "GET", `${real}?${query(() => value)}`));
    else jobs.push(probe(api, "GET", `${real}?${query((i) => HOSTILE_VALUES[i % HOSTILE_VALUES.length]!)}`));
    if (!anonymous) continue;
    jobs.push(probe(api, "GET", `${real}?q=${MEGABYTE}`));
    for (const method of METHODS) jobs.push(probe(api, method, real));
  }
  return jobs;
}

type Action = { id: string; path: string; name: string; params: string };

/** Every server action of the build, the page it is posted to, and its parameter list (from its source). */
function actions(ids: Ids): Action[] {
  const manifest = JSON.parse(
    readFileSync(join(process.env.NEXT_DIST_DIR ?? ".next", "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => {
    const worker = Object.keys(action.workers).find((w) => w.endsWith("/page"))!;
    const pattern = addressOf(worker.slice("app/".length, -"/page".length));
    const source = readFileSync(action.filename, "utf8");
    // A function's own parameters, or, for an action made by defineAction (lib/actions.ts), the form action's two.
    const declared = new RegExp(`export async function ${action.exportedName}\\(([^)]*)\\)`).exec(source)?.[1];
    const made = new RegExp(`export const ${action.exportedName}\\b`).test(source) ? "previous, formData" : "";
    const params = declared ?? made;
    return { id, name: action.exportedName, params, path: fill(pattern, (segment) => realValue(pattern, segment, ids)) || "/" };
  });
}

const FIELD_NAMES = [
  "displayName",
  "organisation",
  "onBehalfOf",
  "country",
  "stakeholderGroup",
  "region",
  "email",
  "confirmEmail",
  "body",
  "reason",
  "details",
  "answer",
  "title",
  "slug",
  "summary",
  "introduction",
  "heading",
  "name",
  "description",
  "note",
  "quote",
  "id",
  "callId",
  "responseId",
  "commentId",
  "setId",
  "sectionId",
  "paragraphId",
  "versionId",
  "excerptId",
  "tagId",
  "jobId",
  "role",
  "userId",
  "token",
  "kind",
  "submitKey",
  "consent",
  "source",
  "q",
  "forumId",
  "referencePrefix",
  "timeZone",
];

/**
 * React's reply encoding of an action's arguments (what the browser posts; "0" is the argument list, "$K1"
 * a FormData whose entries are the "1_" fields): the shape the action declares, with `value` in every field,
 * and, since anyone can post anything, an object and plain strings where it expects a FormData.
 */
function actionBodies(params: string, value: string): Record<string, string>[] {
  const fields = Object.fromEntries(FIELD_NAMES.map((name) => [`1_${name}`, value]));
  const object = Object.fromEntries(FIELD_NAMES.map((name) => [name, value]));
  const formArgs = params.split(",").length >= 2 ? [null, "$K1"] : ["$K1"];
  return [
    { "0": JSON.stringify(formArgs), ...fields },
    { "0": JSON.stringify([object, object]) },
    { "0": JSON.stringify([value, value]) },
  ];
}

/** `thorough`: every argument shape and value (for the administrator, whom no role check stops early);
 * otherwise the declared shape with a NUL, which is what a role check sees before refusing. */
function actionJobs(api: APIRequestContext, ids: Ids, thorough: boolean) {
  const jobs: (() => Promise<Failure | null>)[] = [];
  for (const action of actions(ids)) {
    if (action.name === "signOutAction") continue; // ends the session the rest of the pass runs in
    const headers = { "Next-Action": action.id, Accept: "text/x-component", Origin: BASE_URL };
    const label = action.name;
    for (const value of thorough ? ["a\u0000b", "\uD800"] : ["a\u0000b"]) {
      const bodies = actionBodies(action.params, value);
      for (const multipart of thorough ? bodies : bodies.slice(0, 1))
        jobs.push(probe(api, "POST", action.path, { headers, multipart, label }));
    }
    // 900 kB in one field: under the body limit, so the action itself must refuse it.
    const [form] = actionBodies(action.params, "x");
    jobs.push(probe(api, "POST", action.path, { headers, multipart: { ...form, "1_body": MEGABYTE.slice(0, 900_000) }, label }));
  }
  return jobs;
}

/** Staff only get past the role checks of the moderation and admin pages: the rest they see as anyone does. */
const STAFF_PATHS = /^\/(moderation|admin|api\/moderation)(\/|$)/;

async function fuzz(api: APIRequestContext, label: string, only: (path: string) => boolean = () => true) {
  const ids = await demoIds();
  const started = Date.now();
  const failures = await run([...urlJobs(api, ids, only, label === "visitor"), ...actionJobs(api, ids, label === "admin")]);
  console.info(`[fuzz] ${label}: ${Math.round((Date.now() - started) / 1000)} s`);
  expect(failures, `${label}: answers 5xx`).toEqual([]);
}

test("no page, route or action answers 5xx to a visitor's hostile input", async () => {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await fuzz(api, "visitor");
  await api.dispose();
});

test("no page, route or action answers 5xx to a signed-in stakeholder's or administrator's hostile input", async ({
  browser,
}) => {
  for (const role of ["STAKEHOLDER", "ADMIN"] as const) {
    const context = await browser.newContext();
    await signInAs(context, role);
    await fuzz(context.request, role.toLowerCase(), role === "ADMIN" ? (path) => STAFF_PATHS.test(path) : undefined);
    await context.close();
  }
});

test("a cross-site action post answers 403, an oversized one 413 and a chunked one 411 before their bodies are read, TRACE 405 with Allow", async ({
  request,
}) => {
  const ids = await demoIds();
  const profile = actions(ids).find((action) => action.name === "saveProfileAction")!;
  const crossSite = await request.post(profile.path, {
    headers: { "Next-Action": profile.id, Origin: "https://evil.example" },
    multipart: { "0": '[null,"$K1"]', "1_displayName": "x" },
  });
  expect(crossSite.status()).toBe(403);

  const oversized = await request.post(profile.path, {
    headers: { "Next-Action": profile.id, Origin: BASE_URL },
    multipart: { "0": '[null,"$K1"]', "1_displayName": "a".repeat(1024 * 1024 + 1) },
  });
  expect(oversized.status()).toBe(413);

  // Chunked (no Content-Length): Next.js would cut it at the limit and fail on the rest; refused unread.
  const chunked = await new Promise<number>((resolve, reject) => {
    const post = http.request(
      `${BASE_URL}${profile.path}`,
      {
        method: "POST",
        headers: { "Next-Action": profile.id, Origin: BASE_URL, "Content-Type": "text/plain", "Transfer-Encoding": "chunked" },
      },
      (answer) => {
        answer.resume();
        resolve(answer.statusCode!);
      },
    );
    post.on("error", reject);
    post.write("a".repeat(64 * 1024));
    post.end();
  });
  expect(chunked).toBe(411);

  for (const [path, allow] of [
    ["/", "GET, HEAD, POST"],
    ["/api/v1/calls", "GET, HEAD, OPTIONS"],
  ] as const) {
    for (const method of ["TRACE", "PROPFIND"]) {
      const answer = await request.fetch(path, { method });
      expect(answer.status(), `${method} ${path}`).toBe(405);
      expect(answer.headers()["allow"], `${method} ${path}`).toBe(allow);
    }
  }
});

test("a search with a NUL keeps the page, says so, and shows the text without it", async ({ page }) => {
  const ids = await demoIds();
  const answer = await page.goto(`/calls/${ids.callSlug}/responses?q=cyber%00security`);
  expect(answer!.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "characters that cannot be searched for" })).toBeVisible();
  await expect(page.locator("#filter-q")).toHaveValue("cybersecurity");
  const missing = await page.goto("/responses/%00");
  expect(missing!.status()).toBe(404);
});
