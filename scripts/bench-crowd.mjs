// The deadline crowd of `npm run bench` (issue 18): STAKEHOLDERS signed-in stakeholders submit their response
// through the response form's own endpoint within one minute, while READERS visitors read public pages.
//
// Each stakeholder is a new account with a profile and a session (made in SQL, removed after). Before the
// minute, each opens the response form (which makes their draft) and fills it in; in the minute, each posts
// the form as a browser without JavaScript does: the page's address, multipart, the form's own hidden fields
// (the server action's id and key, the response, the submit key) and the answers. The same action runs as with
// JavaScript (lib/responses/actions.ts responseFormAction); a success is a 303 to the receipt. The readers are
// autocannon connections cycling over public pages for the same minute.
//
// Printed: submissions answered with a receipt, errors, distinct receipts, responses stored once (from the
// database: one submitted response with a reference and one version per stakeholder), submit p50/p95/p99, and
// the readers' req/s, p50/p95/p99 and errors.
import pg from "pg";

const decode = (text) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
const attribute = (tag, name) => {
  const match = new RegExp(`\\s${name.replace("$", "\\$")}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]) : null;
};

/** The response form of a page: its hidden fields, and a valid answer for every question. */
function fillForm(html, index) {
  const start = html.indexOf('class="form response-form"');
  if (start < 0) throw new Error("no response form on the page");
  const form = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const fields = [];
  const chosen = new Set();
  for (const [tag] of form.matchAll(/<(input|textarea|select)\b[^>]*>/g)) {
    const name = attribute(tag, "name");
    if (!name) continue;
    const type = attribute(tag, "type");
    if (type === "hidden") fields.push([name, attribute(tag, "value") ?? ""]);
    else if (tag.startsWith("<textarea"))
      fields.push([
        name,
        `Response ${index} at the deadline. Capacity building should reach small administrations and the ` +
          `communities they serve: shared incident response skills, plain guidance and regional exchanges.`,
      ]);
    else if (type === "radio" && !chosen.has(name)) {
      // The first option of each question; the named publication consent.
      chosen.add(name);
      fields.push([name, name === "consent" ? "PUBLISH_NAMED" : (attribute(tag, "value") ?? "")]);
    } else if (type === "checkbox" && !chosen.has(name)) {
      chosen.add(name);
      fields.push([name, attribute(tag, "value") ?? ""]);
    } else if (tag.startsWith("<select") && name === "language") fields.push([name, "en"]);
  }
  fields.push(["intent", "submit"]);
  return fields;
}

const GROUPS = ["GOVERNMENT", "CIVIL_SOCIETY", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INTERGOVERNMENTAL", "ACADEMIA"];
const REGIONS = ["AFRICA", "ASIA_PACIFIC", "EASTERN_EUROPE", "LATIN_AMERICA_CARIBBEAN", "WESTERN_EUROPE_OTHERS"];
const COUNTRIES = ["KE", "IN", "PL", "BR", "CH"];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Runs the crowd against the app at `base` on `databaseUrl` for the open call `slug`; `readPaths` are the
 * public pages the readers cycle over. Returns the figures (and prints them).
 */
export async function deadlineCrowd({
  base,
  databaseUrl,
  slug,
  readPaths,
  autocannon,
  stakeholders = 200,
  readers = 50,
  seconds = 60,
}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const run = `crowd${process.pid}${Date.now().toString(36)}`;
  const people = Array.from({ length: stakeholders }, (_, i) => ({ i, id: `${run}u${i}`, token: `${run}s${i}` }));
  try {
    for (const { i, id, token } of people) {
      await client.query(
        `INSERT INTO users (id, email, "emailVerified", role, "createdAt", "updatedAt") VALUES ($1, $2, now(), 'STAKEHOLDER', now(), now())`,
        [id, `${id}@bench.example.org`],
      );
      await client.query(
        `INSERT INTO profiles ("userId", "displayName", "stakeholderGroup", region, country, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, now(), now())`,
        [id, `Crowd member ${i}`, GROUPS[i % GROUPS.length], REGIONS[i % REGIONS.length], COUNTRIES[i % REGIONS.length]],
      );
      await client.query(
        `INSERT INTO sessions (id, "sessionToken", "userId", expires) VALUES ($1, $1, $2, now() + interval '1 hour')`,
        [token, id],
      );
    }
    // Each opens the form (their draft is made) and fills it in: before the minute, as people do.
    const address = `${base}/calls/${slug}/respond`;
    const headersOf = (person) => ({ cookie: `next-auth.session-token=${person.token}` });
    const forms = new Map();
    for (let next = 0; next < people.length;) {
      const batch = people.slice(next, (next += 10));
      await Promise.all(
        batch.map(async (person) => {
          const response = await fetch(address, { headers: headersOf(person), redirect: "manual" });
          if (response.status !== 200) throw new Error(`the response form answered ${response.status}`);
          forms.set(person.id, fillForm(await response.text(), person.i));
        }),
      );
    }

    // The minute: readers throughout, one submission every 60/STAKEHOLDERS seconds.
    const readLatencies = [];
    const reading = autocannon({
      url: base,
      connections: readers,
      duration: seconds,
      timeout: 10,
      requests: readPaths.map((path) => ({ method: "GET", path })),
    });
    reading.on("response", (_client, _status, _bytes, time) => readLatencies.push(time));
    const submitLatencies = [];
    const receipts = new Set();
    const failures = [];
    const submit = async (person) => {
      const body = new FormData();
      for (const [name, value] of forms.get(person.id)) body.append(name, value);
      const started = performance.now();
      try {
        const response = await fetch(address, {
          method: "POST",
          body,
          headers: { ...headersOf(person), origin: base },
          redirect: "manual",
        });
        const html = await response.text();
        submitLatencies.push(performance.now() - started);
        const receipt = /\/my\/responses\/([^/?]+)\?submitted=1/.exec(response.headers.get("location") ?? "")?.[1];
        if (response.status === 303 && receipt) receipts.add(receipt);
        else {
          // The form shown again says why: its refusal (role="alert") or a field's error.
          const said =
            /role="alert"[^>]*>([^<]{1,300})/.exec(html)?.[1] ?? /class="field-error"[^>]*>([^<]{1,300})/.exec(html)?.[1];
          failures.push(`${response.status} ${response.headers.get("location") ?? ""} ${said ?? "(no message found)"}`.trim());
        }
      } catch (error) {
        submitLatencies.push(performance.now() - started);
        failures.push(String(error));
      }
    };
    const interval = (seconds * 1000) / stakeholders;
    const submissions = people.map(
      (person) => new Promise((resolve) => setTimeout(() => submit(person).then(resolve), person.i * interval)),
    );
    await Promise.all(submissions);
    const read = await reading;

    const stored = await client.query(
      `SELECT count(*)::int AS responses, count(DISTINCT r.reference)::int AS receipts,
         count(*) FILTER (WHERE r.version = 1 AND (SELECT count(*) FROM response_versions v WHERE v."responseId" = r.id) = 1)::int AS once
       FROM responses r JOIN calls c ON c.id = r."callId"
       WHERE c.slug = $1 AND r."authorId" LIKE $2 AND r.status = 'SUBMITTED'`,
      [slug, `${run}u%`],
    );
    submitLatencies.sort((a, b) => a - b);
    readLatencies.sort((a, b) => a - b);
    const figures = {
      submitted: receipts.size,
      errors: failures.length,
      storedResponses: stored.rows[0].responses,
      storedReceipts: stored.rows[0].receipts,
      storedOnce: stored.rows[0].once,
      submit: {
        p50: percentile(submitLatencies, 50),
        p95: percentile(submitLatencies, 95),
        p99: percentile(submitLatencies, 99),
      },
      read: {
        rps: read.requests.total / seconds,
        p50: percentile(readLatencies, 50),
        p95: percentile(readLatencies, 95),
        p99: percentile(readLatencies, 99),
        errors: read.errors + read.non2xx,
      },
    };
    const ms = (value) => `${value.toFixed(0)} ms`;
    console.info(
      `\nDeadline crowd: ${stakeholders} stakeholders submit through the response form within ${seconds} s while ${readers} readers load public pages`,
    );
    console.info(
      `  submissions: ${figures.submitted} receipts, ${figures.errors} errors; stored: ${figures.storedResponses} submitted responses, ` +
        `${figures.storedReceipts} distinct receipt numbers, ${figures.storedOnce} with exactly one version`,
    );
    console.info(`  submit latency: p50 ${ms(figures.submit.p50)}, p95 ${ms(figures.submit.p95)}, p99 ${ms(figures.submit.p99)}`);
    console.info(
      `  reads: ${figures.read.rps.toFixed(0)} req/s, p50 ${ms(figures.read.p50)}, p95 ${ms(figures.read.p95)}, p99 ${ms(figures.read.p99)}, ${figures.read.errors} errors`,
    );
    if (failures.length) console.info(`  first failures: ${failures.slice(0, 3).join(" | ")}`);
    return figures;
  } finally {
    // The crowd's accounts go, with their responses (and what hangs on them) and sessions.
    const ids = people.map((person) => person.id);
    await client.query(`DELETE FROM email_jobs WHERE "userId" = ANY($1)`, [ids]).catch(() => undefined);
    await client.query(`DELETE FROM responses WHERE "authorId" = ANY($1)`, [ids]).catch((error) => console.warn(String(error)));
    await client.query(`DELETE FROM users WHERE id = ANY($1)`, [ids]).catch((error) => console.warn(String(error)));
    await client.end();
  }
}
