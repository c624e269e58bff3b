// The authorization matrix: every server action of the build and every route handler of app/, each tried as
// a visitor, a stakeholder, another stakeholder, an observer of the forum, a facilitator of another forum, a
// facilitator of the forum and an administrator. The allowed succeed; the others are refused (signed out,
// forbidden, or told the object does not exist) and the forum (or the entry's own snapshot) is exactly as
// it was. An action or route without an entry fails the first test, so a new one cannot slip in unchecked.
import { expect, test } from "@playwright/test";
import { db } from "@/lib/db";
import { createForum } from "@/prisma/factories";
import { BASE_URL } from "@/playwright.config";
import { ACTION_ENTRIES, ROUTE_ENTRIES } from "./matrix/entries";
import type { RouteSituation } from "./matrix/entry";
import {
  ACTORS,
  callAction,
  castFor,
  clientAddress,
  fingerprint,
  listActions,
  listRouteHandlers,
  type Person,
} from "./matrix/harness";

process.env.DATABASE_URL ??= process.env.IGF_TEST_DATABASE_URL;

/** The refusals that are about who asks, not what they sent. */
const REFUSAL = /^(unauthenticated|forbidden|notFound|[a-zA-Z]+NotFound)$/;

test("every server action and route handler has an entry in the matrix", () => {
  expect(listActions().map((action) => action.key)).toEqual(Object.keys(ACTION_ENTRIES).sort());
  expect(listRouteHandlers()).toEqual(Object.keys(ROUTE_ENTRIES).sort());
});

test.describe("server actions", () => {
  for (const action of listActions()) {
    const entry = ACTION_ENTRIES[action.key];
    if (!entry) continue;
    test(action.key, async () => {
      const forum = await createForum(db);
      const cast = await castFor(forum.id);
      const refused = ACTORS.filter((actor) => !entry.allowed.includes(actor));
      const situation = await entry.setup({ forumId: forum.id, cast });
      const snapshot = situation.snapshot ?? (() => fingerprint(forum.id));
      const before = await snapshot();
      for (const actor of refused) {
        const result = await callAction(action, cast[actor] as Person | null, situation.fields, situation.path ?? action.path);
        expect(result.outcome, `${actor}: ${result.body.slice(0, 300)}`).toMatchObject({
          ok: false,
          code: expect.stringMatching(REFUSAL),
        });
        expect(await snapshot(), `${actor} changed nothing`).toEqual(before);
      }
      for (const actor of entry.allowed) {
        const own = await entry.setup({ forumId: forum.id, cast, actor });
        const result = await callAction(action, cast[actor] as Person | null, own.fields, own.path ?? action.path);
        expect(result.outcome, `${actor}: ${result.body.slice(0, 300)}`).toEqual({ ok: true });
      }
    });
  }
});

test.describe("route handlers", () => {
  for (const [file, entries] of Object.entries(ROUTE_ENTRIES)) {
    for (const entry of [entries].flat()) {
      test(`${file}${entry.label ? ` ${entry.label}` : ""}`, async () => {
        const forum = await createForum(db);
        const cast = await castFor(forum.id);
        const situation = await entry.setup({ forumId: forum.id, cast });
        const snapshot = situation.snapshot ?? (() => fingerprint(forum.id));
        const before = await snapshot();
        for (const actor of ACTORS.filter((name) => !entry.allowed.includes(name))) {
          const response = await send(cast[actor] as Person | null, situation);
          expect([401, 403, 404], `${actor} on ${situation.path}`).toContain(response.status);
          expect(await snapshot(), `${actor} changed nothing`).toEqual(before);
        }
        for (const actor of entry.allowed) {
          const own = await entry.setup({ forumId: forum.id, cast });
          const response = await send(cast[actor] as Person | null, own);
          expect(response.status, `${actor} on ${own.path}`).toBe(entry.okStatus ?? 200);
        }
      });
    }
  }
});

/** A request to a route handler as the person (their session cookie), following no redirect. */
function send(person: Person | null, situation: RouteSituation) {
  return fetch(BASE_URL + situation.path, {
    method: situation.method ?? "GET",
    headers: { origin: BASE_URL, "x-forwarded-for": clientAddress(), ...(person ? { cookie: person.cookie } : {}) },
    body: situation.body,
    redirect: "manual",
  });
}
