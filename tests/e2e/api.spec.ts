// The open data API as a visitor meets it: the guide at /developers/api (reached from the footer, accessible,
// listing every endpoint of the OpenAPI document) and real JSON from /api/v1 with the demo call in it.
import { openApiDocument } from "@/lib/api/openapi";
import { DEMO_CALLS } from "@/prisma/demo-content";
import { expect, expectAccessible, test, watchCsp } from "./fixtures";

const demoCall = DEMO_CALLS.find((call) => call.key === "open")!;

test("the API guide is linked from the footer, lists every endpoint with an example, and is accessible", async ({ page }) => {
  const csp = watchCsp(page);
  await page.goto("/");
  await page
    .getByRole("contentinfo")
    .getByRole("link", { name: /open data/i })
    .click();
  await expect(page).toHaveURL("/developers/api");
  await expect(page.getByRole("heading", { level: 1, name: "Open data API" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");

  for (const [path, { get }] of Object.entries(openApiDocument.paths)) {
    const card = page.getByRole("article", { name: get.summary });
    await expect(card.getByRole("heading", { level: 4, name: get.summary })).toBeVisible();
    await expect(card.locator("code").first()).toHaveText(path);
    await expect(card.locator("pre code")).toContainText(`curl -i 'http://localhost:`);
  }
  const responses = page.getByRole("article", { name: "List a call's published responses" });
  await expect(responses.getByRole("table")).toContainText("cursor");
  await expect(responses).toContainText("429 Too many requests");
  await expect(page.getByRole("heading", { name: "What is public" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rate limit" })).toBeVisible();

  await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Get a call" }).click();
  await expect(page).toHaveURL(/#getCall$/);
  await expectAccessible(page);
  expect(csp).toEqual([]);
});

test("GET /api/v1/calls answers open JSON with the demo call, and its responses page by cursor", async ({ request }) => {
  const slugs: string[] = [];
  let next: string | null = null;
  do {
    const answer = await request.get(`/api/v1/calls?limit=100${next ? `&cursor=${next}` : ""}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers()["access-control-allow-origin"]).toBe("*");
    expect(answer.headers()["etag"]).toMatch(/^W\//);
    const body = (await answer.json()) as { items: { slug: string; title: string }[]; next: string | null };
    slugs.push(...body.items.map((item) => item.slug));
    next = body.next;
  } while (next);
  expect(slugs).toContain(demoCall.slug);

  const call = await request.get(`/api/v1/calls/${demoCall.slug}`);
  expect(await call.json()).toMatchObject({ slug: demoCall.slug, title: demoCall.title, questions: expect.any(Array) });

  const first = await (await request.get(`/api/v1/calls/${demoCall.slug}/responses?limit=5`)).json();
  expect(first.items).toHaveLength(5);
  const second = await (await request.get(`/api/v1/calls/${demoCall.slug}/responses?limit=5&cursor=${first.next}`)).json();
  const references = [...first.items, ...second.items].map((item: { reference: string }) => item.reference);
  expect(new Set(references).size).toBe(references.length);

  const bad = await request.get("/api/v1/calls?limit=100000");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "bad_request" } });
  const missing = await request.get("/api/v1/no-such-thing");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
});

test("answers come from the cache in front of Next.js, each request counted once against its client", async ({ request }) => {
  // A client of this test's own (no trusted proxy here: the last X-Forwarded-For is the address counted). Tests
  // running beside this one publish and moderate, which moves the public content's version and so makes the
  // second request a new answer: then the pair is tried again as a new client (each with its full burst).
  const list = `/api/v1/calls/${demoCall.slug}/responses?limit=3`;
  let headers: Record<string, string> = {};
  let first, second;
  for (let attempt = 0; attempt < 5 && second?.headers()["x-page-cache"] !== "hit"; attempt++) {
    headers = { "x-forwarded-for": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
    first = await request.get(list, { headers });
    second = await request.get(list, { headers });
  }
  expect(second!.headers()["x-page-cache"]).toBe("hit");
  expect(await second!.text()).toBe(await first!.text());
  expect(Number(second!.headers()["ratelimit-remaining"])).toBeLessThan(Number(first!.headers()["ratelimit-remaining"]));
  // The burst (30, lib/api/rate-limit-config.mjs) holds for 28 more, answered by Next.js (an error is not kept) or
  // from the cache alike: a request charged in front of Next.js and again by the route would be refused at ~15.
  const statuses = [];
  for (let i = 0; i < 14; i++) {
    statuses.push((await request.get("/api/v1/no-such-thing", { headers })).status());
    statuses.push((await request.get(list, { headers })).status());
  }
  expect(statuses).toEqual(Array.from({ length: 14 }, () => [404, 200]).flat());
  // Then the burst is spent (fewer than one token comes back a second): the 429, from Next.js, said in JSON.
  let refused;
  for (let i = 0; i < 10 && !refused; i++) {
    const answer = await request.get(list, { headers });
    if (answer.status() === 429) refused = answer;
  }
  expect(refused?.headers()["retry-after"]).toBeDefined();
  expect(await refused!.json()).toMatchObject({ error: { code: "rate_limited" } });
});
