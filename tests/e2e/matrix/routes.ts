// Matrix entries: the route handlers. The open data API, health and readiness, the final messages' files and
// the public exports are everyone's, for what is public (and nobody's for what is not: an unpublished call,
// a draft set, a private response all answer 404 to everyone, signed in or not, administrators included,
// as the public routes never look at who asks). The moderators' exports are the forum's writers' (its
// observers are refused exports). /api/me/export is each signed-in person's own data. A response's files
// are read by its author and by whoever may read every response of the forum (its observers, facilitators,
// administrators), and by everyone once published with consent; only the author adds or removes them.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Consent } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { createPublishedSet } from "@/prisma/factories-final";
import { BASE_URL } from "@/playwright.config";
import { pdfFile, pngFile } from "../../support/files";
import { EVERYONE, FORUM_READERS, FORUM_WRITERS, OWNER, SIGNED_IN, type RouteEntry } from "./entry";
import { callAction, listActions, type Person } from "./harness";

/** Nobody: what is not public answers 404 to every actor of a public route. */
const NOBODY = [] as const;

/** A published call of the forum, open, with one question. */
async function callIn(forumId: string, overrides: { publishedAt?: Date | null } = {}) {
  const call = await createCall(db, { forumId, ...overrides });
  const question = await createQuestion(db, { callId: call.id });
  return { call, question };
}

/** A submitted response by a new author (not one of the cast) to a new call of the forum. */
async function submittedIn(forumId: string, consent: Consent = "PUBLISH_NAMED") {
  const { call, question } = await callIn(forumId);
  const author = await createUser(db);
  const response = await createResponse(db, {
    callId: call.id,
    authorId: author.id,
    status: "SUBMITTED",
    consent,
    answers: [{ questionId: question.id, text: "Our IXP hosts a root server instance and a CERT." }],
  });
  return { call, response };
}

/** A message set of a published call of the forum, with one published version (final when asked). */
async function setIn(forumId: string, { final = false } = {}) {
  const { call } = await submittedIn(forumId);
  const set = await createPublishedSet(db, call.id);
  if (final) {
    await db.messageSet.update({ where: { id: set.id }, data: { status: "FINAL" }, select: { id: true } });
    await db.messageSetVersion.updateMany({ where: { setId: set.id, number: 1 }, data: { finalisedAt: new Date() } });
  }
  return { call, set };
}

/** A draft set (never published) of a published call of the forum. */
async function draftSetIn(forumId: string) {
  const { call } = await callIn(forumId);
  return db.messageSet.create({
    data: { callId: call.id, slug: `draft-messages-${uniqueSuffix()}`, title: "Draft messages" },
    select: { slug: true },
  });
}

/** A PDF uploaded by `author` to their response, as the respond page does. */
async function upload(author: Person, responseId: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(pdfFile("Our contribution"))], { type: "application/pdf" }), "contribution.pdf");
  const answer = await fetch(`${BASE_URL}/api/responses/${responseId}/attachments`, {
    method: "POST",
    headers: { origin: BASE_URL, cookie: author.cookie },
    body: form,
  });
  if (answer.status !== 201) throw new Error(`upload refused: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { attachment: { id: string } }).attachment;
}

/** An entry of the open data API: public data of forum A, everyone's. */
function api(path: (forumId: string) => Promise<string>, allowed: RouteEntry["allowed"] = EVERYONE, label?: string): RouteEntry {
  return {
    ...(label && { label }),
    allowed,
    setup: async ({ forumId }) => {
      return { path: await path(forumId) };
    },
  };
}

const forumSlug = async (forumId: string) =>
  (await db.forum.findUniqueOrThrow({ where: { id: forumId }, select: { slug: true } })).slug;

export const ROUTES: Record<string, RouteEntry | RouteEntry[]> = {
  "app/[locale]/(public)/messages/[slug]/download/[file]/route.ts": [
    {
      label: "final.md of a final set",
      allowed: EVERYONE,
      setup: async ({ forumId }) => ({ path: `/messages/${(await setIn(forumId, { final: true })).set.slug}/download/final.md` }),
    },
    {
      label: "final.md of a set that is not final",
      allowed: NOBODY,
      setup: async ({ forumId }) => ({ path: `/messages/${(await setIn(forumId)).set.slug}/download/final.md` }),
    },
  ],

  "app/api/attachments/[id]/route.ts": [
    {
      label: "GET a draft's file",
      allowed: ["stakeholder", ...FORUM_READERS],
      setup: async ({ forumId, cast }) => {
        const { call } = await callIn(forumId);
        const response = await createResponse(db, { callId: call.id, authorId: cast.stakeholder.id });
        return { path: `/api/attachments/${(await upload(cast.stakeholder, response.id)).id}` };
      },
    },
    {
      label: "GET a file of a response published with its author's name",
      allowed: EVERYONE,
      setup: async ({ forumId, cast }) => {
        const { call, question } = await callIn(forumId);
        const response = await createResponse(db, {
          callId: call.id,
          authorId: cast.stakeholder.id,
          status: "SUBMITTED",
          consent: "PUBLISH_NAMED",
          answers: [{ questionId: question.id, text: "See the attached report." }],
        });
        return { path: `/api/attachments/${(await upload(cast.stakeholder, response.id)).id}` };
      },
    },
    {
      label: "DELETE",
      allowed: OWNER,
      setup: async ({ forumId, cast }) => {
        const { call } = await callIn(forumId);
        const response = await createResponse(db, { callId: call.id, authorId: cast.stakeholder.id });
        return { path: `/api/attachments/${(await upload(cast.stakeholder, response.id)).id}`, method: "DELETE" };
      },
    },
  ],

  // next-auth's own handler (sign-in links, callbacks, CSRF, session): its own routes are next-auth's; the
  // matrix asks it for the session, which answers everyone (an empty object for a visitor).
  "app/api/auth/[...nextauth]/route.ts": {
    label: "GET /api/auth/session",
    allowed: EVERYONE,
    setup: async () => ({ path: "/api/auth/session" }),
  },

  "app/api/calls/[slug]/export/[file]/route.ts": [
    {
      label: "published responses of a published call",
      allowed: EVERYONE,
      setup: async ({ forumId }) => ({ path: `/api/calls/${(await submittedIn(forumId)).call.slug}/export/responses.csv` }),
    },
    {
      label: "an unpublished call",
      allowed: NOBODY,
      setup: async ({ forumId }) => {
        const { call } = await submittedIn(forumId, "PUBLISH_NAMED");
        await db.call.update({ where: { id: call.id }, data: { publishedAt: null }, select: { id: true } });
        return { path: `/api/calls/${call.slug}/export/responses.json` };
      },
    },
  ],

  "app/api/health/route.ts": { allowed: EVERYONE, setup: async () => ({ path: "/api/health" }) },
  "app/api/ready/route.ts": { allowed: EVERYONE, setup: async () => ({ path: "/api/ready" }) },

  "app/api/me/export/route.ts": {
    // Each signed-in person gets their own data (there is no id to change); a visitor 401.
    allowed: SIGNED_IN,
    setup: async () => ({ path: "/api/me/export" }),
  },

  "app/api/moderation/calls/[id]/export/[file]/route.ts": (["responses.csv", "excerpts.json", "message-sets.csv"] as const).map(
    (file): RouteEntry => ({
      label: file,
      allowed: FORUM_WRITERS,
      setup: async ({ forumId }) => {
        const { call } = await submittedIn(forumId, "PRIVATE");
        return { path: `/api/moderation/calls/${call.id}/export/${file}` };
      },
    }),
  ),

  // A forum's logo: public, like the final messages it stands on.
  "app/api/forums/[id]/logo/route.ts": {
    label: "GET",
    allowed: EVERYONE,
    setup: async ({ forumId, cast }) => {
      // Uploaded through the administrators' own action, as the forum's editor does.
      const upload = listActions().find((action) => action.key === "lib/forums/actions.ts#setForumLogoAction")!;
      const logo = new File([new Uint8Array(pngFile())], "logo.png", { type: "image/png" });
      const { outcome } = await callAction(upload, cast.admin as Person, { forumId, logo }, upload.path);
      if (!outcome?.ok) throw new Error("the logo was not uploaded");
      return { path: `/api/forums/${forumId}/logo` };
    },
  },

  "app/api/responses/[id]/attachments/route.ts": [
    {
      label: "POST",
      allowed: OWNER,
      okStatus: 201,
      setup: async ({ forumId, cast }) => {
        const { call } = await callIn(forumId);
        const response = await createResponse(db, { callId: call.id, authorId: cast.stakeholder.id });
        const body = new FormData();
        body.append("file", new Blob([new Uint8Array(pdfFile("My contribution"))], { type: "application/pdf" }), "mine.pdf");
        return { path: `/api/responses/${response.id}/attachments`, method: "POST", body };
      },
    },
    {
      // A letter recorded by a moderator, after its call closed: its files are the forum's writers'.
      label: "POST to a recorded contribution",
      allowed: FORUM_WRITERS,
      okStatus: 201,
      setup: async ({ forumId, cast }) => {
        const call = await createCall(db, {
          forumId,
          opensAt: new Date(Date.now() - 30 * 86_400_000),
          closesAt: new Date(Date.now() - 86_400_000),
        });
        const sender = await createUser(db);
        const response = await createResponse(db, {
          callId: call.id,
          authorId: sender.id,
          status: "SUBMITTED",
          consent: "PUBLISH_NAMED",
        });
        await db.response.update({
          where: { id: response.id },
          data: { channel: "LETTER", enteredById: cast.facilitator.id, contributorName: "Ministry of ICT" },
        });
        const body = new FormData();
        body.append("file", new Blob([new Uint8Array(pdfFile("The letter"))], { type: "application/pdf" }), "letter.pdf");
        return { path: `/api/responses/${response.id}/attachments`, method: "POST", body };
      },
    },
  ],

  "app/api/unsubscribe/[token]/route.ts": {
    // RFC 8058 one-click: no sign-in, the token is the credential and it can only turn email off.
    label: "POST",
    allowed: EVERYONE,
    setup: async () => {
      const person = await createUser(db);
      const token = randomBytes(32).toString("base64url");
      await db.notificationPreference.create({ data: { userId: person.id, unsubscribeToken: token }, select: { userId: true } });
      return {
        path: `/api/unsubscribe/${token}?kind=draft-opened`,
        method: "POST",
        snapshot: () => db.notificationPreference.findUnique({ where: { userId: person.id } }),
      };
    },
  },

  // Any other path under /api/v1 is a JSON 404, to everyone.
  "app/api/v1/[...path]/route.ts": { ...api(async () => "/api/v1/no-such-endpoint"), okStatus: 404 },
  "app/api/v1/calls/[slug]/participation/route.ts": api(
    async (forumId) => `/api/v1/calls/${(await submittedIn(forumId)).call.slug}/participation`,
  ),
  "app/api/v1/calls/[slug]/responses/route.ts": api(
    async (forumId) => `/api/v1/calls/${(await submittedIn(forumId)).call.slug}/responses`,
  ),
  "app/api/v1/calls/[slug]/route.ts": [
    api(async (forumId) => `/api/v1/calls/${(await callIn(forumId)).call.slug}`, EVERYONE, "a published call"),
    api(
      async (forumId) => `/api/v1/calls/${(await callIn(forumId, { publishedAt: null })).call.slug}`,
      NOBODY,
      "an unpublished call",
    ),
  ],
  "app/api/v1/calls/route.ts": api(async (forumId) => {
    await callIn(forumId);
    return `/api/v1/calls?forum=${await forumSlug(forumId)}`;
  }),
  "app/api/v1/forums/[slug]/route.ts": api(async (forumId) => {
    await callIn(forumId);
    return `/api/v1/forums/${await forumSlug(forumId)}`;
  }),
  "app/api/v1/forums/route.ts": api(async (forumId) => {
    await callIn(forumId);
    return "/api/v1/forums";
  }),
  "app/api/v1/message-sets/[slug]/route.ts": [
    api(async (forumId) => `/api/v1/message-sets/${(await setIn(forumId)).set.slug}`, EVERYONE, "a published set"),
    api(async (forumId) => `/api/v1/message-sets/${(await draftSetIn(forumId)).slug}`, NOBODY, "a draft set"),
  ],
  "app/api/v1/message-sets/[slug]/versions/[number]/route.ts": api(
    async (forumId) => `/api/v1/message-sets/${(await setIn(forumId)).set.slug}/versions/1`,
  ),
  "app/api/v1/message-sets/[slug]/versions/route.ts": api(
    async (forumId) => `/api/v1/message-sets/${(await setIn(forumId)).set.slug}/versions`,
  ),
  "app/api/v1/message-sets/route.ts": api(async (forumId) => `/api/v1/message-sets?call=${(await setIn(forumId)).call.slug}`),
  "app/api/v1/openapi.json/route.ts": api(async () => "/api/v1/openapi.json"),
  "app/api/v1/responses/[reference]/route.ts": [
    api(
      async (forumId) => `/api/v1/responses/${(await submittedIn(forumId, "PUBLISH_NAMED")).response.reference}`,
      EVERYONE,
      "a published response",
    ),
    api(
      async (forumId) => `/api/v1/responses/${(await submittedIn(forumId, "PRIVATE")).response.reference}`,
      NOBODY,
      "a private response",
    ),
  ],
};
