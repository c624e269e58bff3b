// The authorization matrix's machinery: the server actions the build contains (read from Next.js's
// server-reference manifest, so a new action is listed without anyone writing it down), the route handlers
// the app folder contains, the seven people every entry is tried as, a call of any action over HTTP as the
// browser makes it, and a fingerprint of everything a forum holds, to show that a refused request changed
// nothing.
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { db } from "@/lib/db";
import type { ForumRole, Role } from "@/lib/generated/prisma/enums";
import { createAppointment, createForum, createUser } from "@/prisma/factories";
import { BASE_URL } from "@/playwright.config";

// React's encoder of server action arguments, the one the browser runs.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.edge.js") as {
  encodeReply: (args: unknown[]) => Promise<FormData | string>;
};

/** `path`: a page whose forms use the action (Next.js runs an action only from a page that imports it). */
export type ActionRef = { id: string; key: string; path: string };

/** The address of a page of the app folder ("app/[locale]/(moderation)/moderation/calls/[id]/page"), with
 *  "x" for its dynamic segments; English, so without the locale. */
function addressOf(worker: string) {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment !== "[locale]" && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[") ? "x" : segment));
  return `/${segments.join("/")}`;
}

/** Every server action of the build, as "<file>#<export>" (e.g. "lib/calls/actions.ts#publishCallAction"). */
export function listActions(): ActionRef[] {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const pages = Object.keys(entry.workers).filter((worker) => worker.endsWith("/page"));
      // A page without dynamic segments when there is one: nothing of it needs to exist.
      const page = pages.find((worker) => !/\[(?!locale\])/.test(worker)) ?? pages[0] ?? "app/page";
      return { id, key: `${entry.filename}#${entry.exportedName}`, path: addressOf(page) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Every route handler file under app/, as its path (e.g. "app/api/health/route.ts"). */
export function listRouteHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^route\.tsx?$/.test(entry.name)) found.push(relative(process.cwd(), path).split(sep).join("/"));
    }
  };
  walk("app");
  return found.sort();
}

export const ACTORS = [
  "visitor",
  "stakeholder",
  "otherStakeholder",
  "observer",
  "otherFacilitator",
  "facilitator",
  "admin",
] as const;
export type ActorName = (typeof ACTORS)[number];

export type Person = { id: string; email: string; cookie: string };
export type Cast = Record<Exclude<ActorName, "visitor">, Person> & { visitor: null };

async function sessionFor(role: Role): Promise<Person> {
  const user = await createUser(db, { role });
  const token = randomBytes(32).toString("hex");
  await db.session.create({
    data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600 * 1000) },
    select: { id: true },
  });
  return { id: user.id, email: user.email, cookie: `next-auth.session-token=${token}` };
}

/**
 * The seven people for one entry: a visitor; a stakeholder (the one whose own things the entry acts on);
 * another stakeholder; an observer and a facilitator of forum A (the entry's forum); a facilitator of
 * another forum; an administrator.
 */
export async function castFor(forumA: string): Promise<Cast> {
  const forumB = await createForum(db);
  const [stakeholder, otherStakeholder, observer, otherFacilitator, facilitator, admin] = await Promise.all([
    sessionFor("STAKEHOLDER"),
    sessionFor("STAKEHOLDER"),
    sessionFor("STAKEHOLDER"),
    sessionFor("STAKEHOLDER"),
    sessionFor("STAKEHOLDER"),
    sessionFor("ADMIN"),
  ]);
  const appoint = (forumId: string, person: Person, role: ForumRole) =>
    createAppointment(db, { forumId, userId: person.id, role });
  await Promise.all([
    appoint(forumA, observer, "OBSERVER"),
    appoint(forumB.id, otherFacilitator, "FACILITATOR"),
    appoint(forumA, facilitator, "FACILITATOR"),
  ]);
  return { visitor: null, stakeholder, otherStakeholder, observer, otherFacilitator, facilitator, admin };
}

/**
 * A client address of its own for each request (the address the rate limits count by, lib/limits/client.mjs):
 * the matrix's quick series of requests must not spend the allowance of the other tests on this machine.
 */
export function clientAddress() {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `10.${byte()}.${byte()}.${byte()}`;
}

export type Outcome = { ok: true } | { ok: false; code: string };

/** The action's answer in the response body: the ActionState our actions return (lib/actions.ts). */
export function outcomeOf(body: string): Outcome | null {
  const start = body.search(/\{"ok":(true|false)/);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < body.length; i++) {
    const char = body[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) {
      const state = JSON.parse(body.slice(start, i + 1)) as { ok: boolean; code?: string };
      return state.ok ? { ok: true } : { ok: false, code: state.code ?? "" };
    }
  }
  return null;
}

/**
 * Calls a server action as the browser does: its id in the Next-Action header and its arguments (the
 * previous state, then the form's fields) encoded by React, posted to a page that uses it.
 */
export async function callAction(
  action: ActionRef,
  person: Person | null,
  fields: Record<string, string | string[] | Blob>,
  path = action.path,
): Promise<{ status: number; outcome: Outcome | null; body: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
  const headers: Record<string, string> = {
    "next-action": action.id,
    origin: BASE_URL,
    accept: "text/x-component",
    "x-forwarded-for": clientAddress(),
  };
  if (person) headers.cookie = person.cookie;
  const response = await fetch(BASE_URL + path, {
    method: "POST",
    headers,
    body: await encodeReply([null, form]),
    redirect: "manual",
  });
  const body = await response.text();
  // An action that ends in redirect() (e.g. to the call it created) answers with where to go instead.
  const redirected = Boolean(response.headers.get("x-action-redirect"));
  return { status: response.status, outcome: redirected ? { ok: true } : outcomeOf(body), body };
}

/**
 * One text that changes when anything the forum holds changes: the forum, its appointments, calls and all
 * that hangs from them (questions, translations, glossary, responses with their answers, versions, files,
 * reports, tags, excerpts, campaigns, message sets with their sections, paragraphs, citations, versions,
 * translations and comments), follows, and the audit entries about any of it.
 */
export async function fingerprint(forumId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ print: string | null }[]>`
    WITH c AS (SELECT id FROM calls WHERE "forumId" = ${forumId}),
         r AS (SELECT id FROM responses WHERE "callId" IN (SELECT id FROM c)),
         s AS (SELECT id FROM message_sets WHERE "callId" IN (SELECT id FROM c)),
         cm AS (SELECT id FROM comments WHERE "setId" IN (SELECT id FROM s))
    SELECT md5(string_agg(x, E'\n' ORDER BY x)) AS print FROM (
      SELECT 'forum ' || row_to_json(t)::text AS x FROM forums t WHERE id = ${forumId}
      UNION ALL SELECT 'appointment ' || row_to_json(t)::text FROM forum_appointments t WHERE "forumId" = ${forumId}
      UNION ALL SELECT 'call ' || row_to_json(t)::text FROM calls t WHERE id IN (SELECT id FROM c)
      UNION ALL SELECT 'question ' || row_to_json(t)::text FROM questions t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'callTranslation ' || row_to_json(t)::text FROM call_translations t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'glossary ' || row_to_json(t)::text FROM glossary_terms t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'follow ' || row_to_json(t)::text FROM call_follows t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'response ' || row_to_json(t)::text FROM responses t WHERE id IN (SELECT id FROM r)
      UNION ALL SELECT 'answer ' || row_to_json(t)::text FROM answers t WHERE "responseId" IN (SELECT id FROM r)
      UNION ALL SELECT 'responseVersion ' || row_to_json(t)::text FROM response_versions t WHERE "responseId" IN (SELECT id FROM r)
      UNION ALL SELECT 'attachment ' || row_to_json(t)::text FROM attachments t WHERE "responseId" IN (SELECT id FROM r)
      UNION ALL SELECT 'report ' || row_to_json(t)::text FROM reports t
        WHERE "responseId" IN (SELECT id FROM r) OR "commentId" IN (SELECT id FROM cm)
      UNION ALL SELECT 'cluster ' || row_to_json(t)::text FROM response_clusters t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'tag ' || row_to_json(t)::text FROM tags t WHERE "callId" IN (SELECT id FROM c)
      UNION ALL SELECT 'responseTag ' || row_to_json(t)::text FROM response_tags t WHERE "responseId" IN (SELECT id FROM r)
      UNION ALL SELECT 'excerpt ' || row_to_json(t)::text FROM excerpts t WHERE "responseId" IN (SELECT id FROM r)
      UNION ALL SELECT 'excerptTag ' || row_to_json(t)::text FROM excerpt_tags t
        WHERE "excerptId" IN (SELECT id FROM excerpts WHERE "responseId" IN (SELECT id FROM r))
      UNION ALL SELECT 'set ' || row_to_json(t)::text FROM message_sets t WHERE id IN (SELECT id FROM s)
      UNION ALL SELECT 'section ' || row_to_json(t)::text FROM message_sections t WHERE "setId" IN (SELECT id FROM s)
      UNION ALL SELECT 'paragraph ' || row_to_json(t)::text FROM message_paragraphs t WHERE "setId" IN (SELECT id FROM s)
      UNION ALL SELECT 'citation ' || row_to_json(t)::text FROM citations t
        WHERE "paragraphId" IN (SELECT id FROM message_paragraphs WHERE "setId" IN (SELECT id FROM s))
      UNION ALL SELECT 'version ' || row_to_json(t)::text FROM message_set_versions t WHERE "setId" IN (SELECT id FROM s)
      UNION ALL SELECT 'versionTranslation ' || row_to_json(t)::text FROM message_set_version_translations t
        WHERE "versionId" IN (SELECT id FROM message_set_versions WHERE "setId" IN (SELECT id FROM s))
      UNION ALL SELECT 'comment ' || row_to_json(t)::text FROM comments t WHERE id IN (SELECT id FROM cm)
      UNION ALL SELECT 'audit ' || row_to_json(t)::text FROM audit_entries t
        WHERE "forumId" = ${forumId} OR "callId" IN (SELECT id FROM c)
    ) rows`;
  return row?.print ?? "";
}
