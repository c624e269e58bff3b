#!/usr/bin/env node
// The "floor" of `npm run bench`: a bare node:http + pg server answering the public pages the bench loads with
// the same data, read with plain SQL (the rules of lib/responses/public.ts and lib/responses/counted.ts
// written out: published calls, published responses with a publishing consent, counted responses) and
// written as minimal HTML or JSON. No framework, no ORM, no rendering library: what the database and Node
// alone can serve. The app's figures are printed beside it as a ratio (app req/s ÷ floor req/s).
//
// Run by scripts/bench.mjs as a child process (so it has a core of its own, as the app does):
//   DATABASE_URL=… FLOOR_PORT=3301 node scripts/bench-floor.mjs
import { createServer } from "node:http";
import pg from "pg";

const PORT = Number(process.env.FLOOR_PORT ?? 3301);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: "-c jit=off" });

const escape = (text) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main>${body}</main></body></html>`;

const PUBLISHED = `r.status = 'SUBMITTED' AND r.consent IN ('PUBLISH_NAMED', 'PUBLISH_ANONYMOUS') AND r."moderationState" = 'PUBLISHED'`;
const COUNTED = `r.status = 'SUBMITTED' AND r."moderationState" <> 'HIDDEN'`;

async function publishedCall(slug) {
  const { rows } = await pool.query(
    `SELECT c.id, c.slug, c.title, c.introduction, c."opensAt", c."closesAt", c."timeZone", f.name AS forum
     FROM calls c JOIN forums f ON f.id = c."forumId"
     WHERE c.slug = $1 AND c."publishedAt" IS NOT NULL AND c."publishedAt" <= now()`,
    [slug],
  );
  return rows[0] ?? null;
}

async function home() {
  const { rows } = await pool.query(
    `SELECT f.name AS forum, c.slug, c.title, c."closesAt",
       (SELECT count(*)::int FROM responses r WHERE r."callId" = c.id AND ${COUNTED}) AS responses
     FROM calls c JOIN forums f ON f.id = c."forumId"
     WHERE c."publishedAt" IS NOT NULL AND c."publishedAt" <= now()
     ORDER BY f.name, c."opensAt" DESC`,
  );
  const items = rows.map(
    (c) =>
      `<li><h3><a href="/calls/${escape(c.slug)}">${escape(c.title)}</a></h3><p>${escape(c.forum)} · ${c.responses} · ${c.closesAt.toISOString()}</p></li>`,
  );
  return page("Calls for contributions", `<h1>Calls for contributions</h1><ul>${items.join("")}</ul>`);
}

async function participationCells(callId) {
  const { rows } = await pool.query(
    `SELECT r."stakeholderGroup"::text AS "group", r.region::text AS region, count(*)::int AS n
     FROM responses r WHERE r."callId" = $1 AND ${COUNTED} GROUP BY 1, 2`,
    [callId],
  );
  return rows;
}

async function callPage(slug) {
  const call = await publishedCall(slug);
  if (!call) return null;
  const [questions, cells, published] = await Promise.all([
    pool.query(`SELECT prompt, "helpText" FROM questions WHERE "callId" = $1 ORDER BY position`, [call.id]),
    participationCells(call.id),
    pool.query(`SELECT count(*)::int AS n FROM responses r WHERE r."callId" = $1 AND ${PUBLISHED}`, [call.id]),
  ]);
  const total = cells.reduce((sum, row) => sum + row.n, 0);
  const items = questions.rows.map((q) => `<li><p>${escape(q.prompt)}</p><p>${escape(q.helpText)}</p></li>`);
  return page(
    call.title,
    `<h1>${escape(call.title)}</h1><p>${escape(call.forum)}</p><div>${escape(call.introduction)}</div><ol>${items.join("")}</ol><p>${total} responses, ${published.rows[0].n} published</p>`,
  );
}

async function publicResponses(callId, limit, search = null) {
  const { rows } = await pool.query(
    `SELECT r.id, r.reference, r."submittedAt", r."stakeholderGroup", r.region,
       (SELECT left(a.text, 320) FROM answers a JOIN questions q ON q.id = a."questionId"
        WHERE a."responseId" = r.id ORDER BY q.position LIMIT 1) AS excerpt
     FROM responses r WHERE r."callId" = $1 AND ${PUBLISHED} ${search ? `AND r."searchVector" @@ websearch_to_tsquery('english', $3)` : ""}
     ORDER BY r."submittedAt" DESC, r.id DESC LIMIT $2`,
    search ? [callId, limit, search] : [callId, limit],
  );
  return rows;
}

async function responsesPage(slug, search) {
  const call = await publishedCall(slug);
  if (!call) return null;
  const match = search ? `AND r."searchVector" @@ websearch_to_tsquery('english', $2)` : "";
  const [rows, count] = await Promise.all([
    publicResponses(call.id, 20, search),
    pool.query(
      `SELECT count(*)::int AS n FROM responses r WHERE r."callId" = $1 AND ${PUBLISHED} ${match}`,
      search ? [call.id, search] : [call.id],
    ),
  ]);
  const items = rows.map(
    (r) =>
      `<li><h2><a href="/responses/${escape(r.reference)}">${escape(r.reference)}</a></h2><p>${escape(r.stakeholderGroup)} · ${escape(r.region)}</p><p>${escape(r.excerpt)}</p></li>`,
  );
  return page(call.title, `<h1>${escape(call.title)}</h1><p>${count.rows[0].n} responses</p><ol>${items.join("")}</ol>`);
}

async function participationPage(slug) {
  const call = await publishedCall(slug);
  if (!call) return null;
  const [cells, days] = await Promise.all([
    participationCells(call.id),
    pool.query(
      `SELECT (r."submittedAt" AT TIME ZONE $2)::date::text AS day, count(*)::int AS n
       FROM responses r WHERE r."callId" = $1 AND ${COUNTED} GROUP BY 1 ORDER BY 1`,
      [call.id, call.timeZone],
    ),
  ]);
  const table = cells.map((c) => `<tr><th>${escape(c.group)}</th><td>${escape(c.region)}</td><td>${c.n}</td></tr>`);
  const growth = days.rows.map((d) => `<li>${d.day}: ${d.n}</li>`);
  return page(call.title, `<h1>${escape(call.title)}</h1><table>${table.join("")}</table><ol>${growth.join("")}</ol>`);
}

async function messagePage(slug) {
  const { rows } = await pool.query(
    `SELECT s.title, v.number, v.content FROM message_sets s
     JOIN calls c ON c.id = s."callId" AND c."publishedAt" IS NOT NULL AND c."publishedAt" <= now()
     JOIN message_set_versions v ON v."setId" = s.id AND v."publishedAt" IS NOT NULL
     WHERE s.slug = $1 ORDER BY v.number DESC LIMIT 1`,
    [slug],
  );
  const set = rows[0];
  if (!set) return null;
  const paragraphs = [];
  // The published version's content: sections of paragraphs (lib/messages), walked without knowing its schema.
  (function walk(value) {
    if (typeof value === "string") paragraphs.push(`<p>${escape(value)}</p>`);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  })(set.content);
  return page(set.title, `<h1>${escape(set.title)}</h1><p>Version ${set.number}</p>${paragraphs.join("")}`);
}

async function apiResponses(slug, limit) {
  const call = await publishedCall(slug);
  if (!call) return null;
  const rows = await publicResponses(call.id, limit);
  return JSON.stringify({ data: rows, next: rows.at(-1)?.id ?? null });
}

async function route(path, query) {
  let match;
  if (path === "/") return ["text/html", await home()];
  if (path === "/signin")
    return ["text/html", page("Sign in", `<h1>Sign in</h1><form method="post"><input name="email"></form>`)];
  if (path === "/api/auth/session") return ["application/json", "{}"];
  if ((match = /^\/calls\/([^/]+)$/.exec(path))) return ["text/html", await callPage(match[1])];
  if ((match = /^\/calls\/([^/]+)\/responses$/.exec(path))) return ["text/html", await responsesPage(match[1], query.get("q"))];
  if ((match = /^\/calls\/([^/]+)\/participation$/.exec(path))) return ["text/html", await participationPage(match[1])];
  if ((match = /^\/messages\/([^/]+)$/.exec(path))) return ["text/html", await messagePage(match[1])];
  if ((match = /^\/api\/v1\/calls\/([^/]+)\/responses$/.exec(path)))
    return ["application/json", await apiResponses(match[1], Math.min(Number(query.get("limit") ?? 20) || 20, 100))];
  return ["text/plain", null];
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? "/", "http://floor");
    const [type, body] = await route(url.pathname, url.searchParams);
    response.writeHead(body === null ? 404 : 200, { "Content-Type": `${type}; charset=utf-8` });
    response.end(body ?? "not found");
  } catch (error) {
    console.error(error);
    response.writeHead(500).end();
  }
});
server.listen(PORT, "127.0.0.1", () => process.send?.("ready"));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
