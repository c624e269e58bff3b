// Plants one published, open call with 100,000 SUBMITTED responses for the scale bench (scripts/bench-scale.ts,
// issue 18 "Queries that scale"), set-based (generate_series) in one transaction: about half a minute.
// Spread like a real consultation: six stakeholder groups and five regions unevenly, consents (mostly published,
// named or not, 10 % private), moderation states (mostly published, some pending and hidden), six languages,
// arrivals over 60 days with a rush at the opening and towards today, one author (with a profile) each, four
// answers each (three texts, one choice), the search index as lib/responses/record.ts writes it (the text in
// the configuration of the response's language), a kept version 1 for every response and a version 2 for the
// 10 % edited later, and 40 campaigns of near-duplicates. Idempotent: a call with the slug is reused as it is.
// Reuse: `await plantScaleCall(databaseUrl)` → { callId, slug, searchWord, commonWord }.
import pg from "pg";
import { SEARCH_CONFIGURATIONS } from "@/lib/responses/search-language";

export const SCALE_SLUG = "bench-scale-100k";
export const SCALE_RESPONSES = 100_000;

export type ScaleCall = {
  callId: string;
  slug: string;
  /** A word in about 3 % of the responses' answers (a search that finds a few pages). */
  searchWord: string;
  /** A word in most of them (a search that finds tens of thousands). */
  commonWord: string;
};

const IDS = { forum: "bench-scale-forum", call: "bench-scale-call", prefix: "BSC" } as const;
const RARE = "ransomware";
const COMMON = "security";
// prettier-ignore
const WORDS = [
  "capacity", "building", "trust", "norms", "states", "stakeholders", "incident", "response", "teams", "critical",
  "infrastructure", "cooperation", "regional", "frameworks", "confidence", "measures", "private", "sector", "civil",
  "society", "academia", "technical", "community", "standards", "resilience", "networks", "cybercrime", "convention",
  "human", "rights", "privacy", "encryption", "vulnerability", "disclosure", "supply", "chain", "internet",
  "governance", "multistakeholder", "model", "developing", "countries", "skills", "training", "women", "youth",
  "inclusion", "accountability", "transparency", "attribution", "diplomacy", "sovereignty", "data", "protection",
  "cloud", "artificial", "intelligence", "risks", "harms", "children", "online", "safety", "open", "source",
  "software", "funding", "donors", "national", "strategies", "legislation", "enforcement", "courts", "evidence",
  "sharing", "information", "early", "warning", "exercises", "certification", "procurement",
];

/** Weighted picks for `h` in 0..99: each entry is [value, share in percent]. */
function weighted(column: string, type: string, shares: [string, number][]) {
  let upTo = 0;
  const branches = shares.map(([value, share]) => {
    upTo += share;
    return `WHEN ${column} < ${upTo} THEN '${value}'`;
  });
  return `CAST(CASE ${branches.join(" ")} END AS "${type}")`;
}

const configurationCase = `(CASE p.language ${Object.entries(SEARCH_CONFIGURATIONS)
  .map(([language, configuration]) => `WHEN '${language}' THEN '${configuration}'::regconfig`)
  .join(" ")} END)`;

/** Pseudo-random 0..n-1 from a seed expression and a salt: the same data on every run. */
const pick = (seed: string, salt: string, n: number) => `(abs(hashtext(${seed} || '${salt}')) % ${n})`;

/** Pseudo-random in [0, 1) for response g. */
const unit = `((abs(hashtext(g::text || 'arrival')) % 1000000) / 1000000.0)`;

const STATEMENTS = (now: string) => [
  `INSERT INTO forums (id, slug, name, "updatedAt") VALUES ('${IDS.forum}', '${IDS.forum}', 'Scale bench forum', ${now})`,
  `INSERT INTO calls (id, "forumId", slug, title, "opensAt", "closesAt", "publishedAt", "timeZone", "referencePrefix",
     "lastReference", "clusteredAt", "updatedAt")
   VALUES ('${IDS.call}', '${IDS.forum}', '${SCALE_SLUG}', 'Scale bench call', ${now} - interval '60 days',
     ${now} + interval '30 days', ${now} - interval '61 days', 'Europe/Berlin', '${IDS.prefix}', ${SCALE_RESPONSES}, ${now}, ${now})`,
  `INSERT INTO questions (id, "callId", position, prompt, type, options, "updatedAt")
   SELECT '${IDS.call}-q' || p, '${IDS.call}', p, 'Scale bench question ' || p,
     CAST(CASE WHEN p = 4 THEN 'MULTIPLE_CHOICE' ELSE 'LONG_TEXT' END AS "QuestionType"),
     CASE WHEN p = 4 THEN ARRAY['Yes', 'Partly', 'No'] ELSE '{}' END, ${now}
   FROM generate_series(1, 4) p`,
  // 1,000 sentences of 8 to 15 words; the rare word in 4 of them (in ~3 % of the responses), the common one in
  // a sixth (in ~75 %).
  `CREATE TEMP TABLE scale_sentences ON COMMIT DROP AS
   SELECT s AS id, (SELECT string_agg((ARRAY['${WORDS.join("','")}'])[1 + ${pick("s::text || '-' || w", "w", WORDS.length)}], ' ')
       FROM generate_series(1, 8 + s % 8) w)
     || CASE WHEN s % 300 = 0 THEN ' ${RARE}' ELSE '' END || CASE WHEN s % 6 = 0 THEN ' ${COMMON}' ELSE '' END || '.' AS text
   FROM generate_series(0, 999) s`,
  `CREATE TEMP TABLE scale_plan ON COMMIT DROP AS
   SELECT g, '${IDS.call}-r' || g AS id, 'bench-scale-u' || g AS "authorId",
     ${pick("g::text", "group", 100)} AS hg, ${pick("g::text", "region", 100)} AS hr, ${pick("g::text", "consent", 100)} AS hc,
     ${pick("g::text", "state", 100)} AS hs, ${pick("g::text", "lang", 100)} AS hl, ${pick("g::text", "edit", 100)} AS he,
     -- Arrivals: a rush in the first days and towards today, the rest spread evenly (u² and 1 - u² mixed).
     ${now} - interval '60 days' + interval '60 days' * (CASE WHEN g % 3 = 0 THEN power(${unit}, 2)
       WHEN g % 3 = 1 THEN 1 - power(${unit}, 2) ELSE ${unit} END) * 0.999 AS "arrivedAt",
     CASE WHEN g % 100 < 8 THEN '${IDS.call}-c' || (g % 40) END AS "clusterId",
     ARRAY(SELECT s.texts[1 + ${pick("g::text || '-' || k", "s", 1000)}] FROM generate_series(1, 9) k) AS sentences
   FROM generate_series(1, ${SCALE_RESPONSES}) g, (SELECT array_agg(text ORDER BY id) AS texts FROM scale_sentences) s`,
  `ALTER TABLE scale_plan ADD COLUMN language text, ADD COLUMN texts text[], ADD COLUMN choices text[]`,
  `UPDATE scale_plan SET
     language = CASE WHEN hl < 70 THEN 'en' WHEN hl < 80 THEN 'fr' WHEN hl < 90 THEN 'es' WHEN hl < 94 THEN 'ru'
       WHEN hl < 97 THEN 'ar' ELSE 'zh' END,
     -- A campaign's members share their first answer (the coalition's text), as near-duplicates do.
     texts = ARRAY[CASE WHEN "clusterId" IS NOT NULL THEN 'We the undersigned coalition ' || "clusterId" || ' ask for ${COMMON} norms.'
         ELSE array_to_string(sentences[1:3], ' ') END,
       array_to_string(sentences[4:5 + g % 2], ' '), CASE WHEN g % 5 = 0 THEN '' ELSE array_to_string(sentences[7:9], ' ') END],
     choices = CASE WHEN g % 4 = 0 THEN '{}' WHEN g % 4 = 1 THEN ARRAY['Yes'] WHEN g % 4 = 2 THEN ARRAY['Yes', 'Partly'] ELSE ARRAY['No'] END`,
  `INSERT INTO users (id, email, "emailVerified", "updatedAt")
   SELECT "authorId", "authorId" || '@bench.invalid', ${now}, ${now} FROM scale_plan`,
  `INSERT INTO profiles ("userId", "displayName", "stakeholderGroup", region, country, organisation, "updatedAt")
   SELECT "authorId", 'Participant ' || g, ${weighted("hg", "StakeholderGroup", [
     ["CIVIL_SOCIETY", 30],
     ["TECHNICAL_COMMUNITY", 20],
     ["GOVERNMENT", 15],
     ["PRIVATE_SECTOR", 15],
     ["ACADEMIA", 15],
     ["INTERGOVERNMENTAL", 5],
   ])},
     ${weighted("hr", "UnRegion", [
       ["AFRICA", 25],
       ["ASIA_PACIFIC", 25],
       ["WESTERN_EUROPE_OTHERS", 25],
       ["LATIN_AMERICA_CARIBBEAN", 15],
       ["EASTERN_EUROPE", 10],
     ])},
     'KE', CASE WHEN g % 3 = 0 THEN 'Organisation ' || (g % 997) END, ${now}
   FROM scale_plan`,
  `INSERT INTO response_clusters (id, "callId", "representativeId", size, "minScore")
   SELECT "clusterId", '${IDS.call}', min(id), count(*), 0.9 FROM scale_plan WHERE "clusterId" IS NOT NULL GROUP BY "clusterId"`,
  `INSERT INTO responses (id, "callId", "authorId", status, "stakeholderGroup", region, country, organisation, "onBehalfOf",
     language, "submittedAt", reference, consent, "attachmentsPrivate", version, "moderationState", "hiddenReason", "hiddenAt",
     "reviewedAt", "clusterId", "clusterScore", "searchVector", "firstSubmittedAt", "createdAt", "updatedAt")
   SELECT p.id, '${IDS.call}', p."authorId", 'SUBMITTED', pr."stakeholderGroup", pr.region, pr.country, pr.organisation,
     CASE WHEN g % 50 = 0 THEN 'Coalition ' || (g % 7) END, p.language,
     CASE WHEN he < 10 THEN least(p."arrivedAt" + interval '1 day' * (1 + he), ${now}) ELSE p."arrivedAt" END,
     '${IDS.prefix}-' || lpad(g::text, 6, '0'),
     ${weighted("hc", "Consent", [
       ["PUBLISH_NAMED", 45],
       ["PUBLISH_ANONYMOUS", 45],
       ["PRIVATE", 10],
     ])}, NULL,
     CASE WHEN he < 10 THEN 2 ELSE 1 END,
     ${weighted("hs", "ModerationState", [
       ["PUBLISHED", 92],
       ["PENDING", 5],
       ["HIDDEN", 3],
     ])},
     CASE WHEN hs >= 97 THEN 'Advertising' END, CASE WHEN hs >= 97 THEN ${now} END, CASE WHEN hs < 92 OR hs >= 97 THEN ${now} END,
     p."clusterId", CASE WHEN p."clusterId" IS NOT NULL THEN 0.95 END,
     to_tsvector(${configurationCase}, array_to_string(p.texts, ' ') || ' ' || array_to_string(p.choices, ' ')),
     p."arrivedAt", p."arrivedAt" - interval '1 hour', ${now}
   FROM scale_plan p JOIN profiles pr ON pr."userId" = p."authorId"`,
  `INSERT INTO answers (id, "responseId", "questionId", text, choices, "updatedAt")
   SELECT p.id || '-a' || q, p.id, '${IDS.call}-q' || q, CASE WHEN q < 4 THEN p.texts[q] ELSE '' END,
     CASE WHEN q = 4 THEN p.choices ELSE '{}' END, ${now}
   FROM scale_plan p CROSS JOIN generate_series(1, 4) q`,
  `INSERT INTO response_versions (id, "responseId", version, answers, consent, "submittedAt")
   SELECT r.id || '-v' || v, r.id, v, jsonb_build_array(
       jsonb_build_object('questionId', '${IDS.call}-q1', 'text', p.texts[1], 'choices', '[]'::jsonb),
       jsonb_build_object('questionId', '${IDS.call}-q2', 'text', p.texts[2], 'choices', '[]'::jsonb),
       jsonb_build_object('questionId', '${IDS.call}-q3', 'text', p.texts[3], 'choices', '[]'::jsonb),
       jsonb_build_object('questionId', '${IDS.call}-q4', 'text', '', 'choices', to_jsonb(p.choices))),
     r.consent, CASE WHEN v = 1 THEN p."arrivedAt" ELSE r."submittedAt" END
   FROM scale_plan p JOIN responses r ON r.id = p.id CROSS JOIN LATERAL generate_series(1, r.version) v`,
];

/** The bench call, planted unless it is there already. */
export async function plantScaleCall(databaseUrl: string): Promise<ScaleCall & { planted: boolean; seconds: number }> {
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c jit=off" });
  await client.connect();
  const started = performance.now();
  try {
    const existing = await client.query<{ id: string }>(`SELECT id FROM calls WHERE slug = $1`, [SCALE_SLUG]);
    const planted = existing.rowCount === 0;
    if (planted) {
      await client.query("BEGIN");
      try {
        for (const statement of STATEMENTS("now()")) await client.query(statement);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      for (const table of ["users", "profiles", "responses", "answers", "response_versions", "response_clusters"])
        await client.query(`VACUUM ANALYZE ${table}`);
    }
    return {
      callId: existing.rows[0]?.id ?? IDS.call,
      slug: SCALE_SLUG,
      searchWord: RARE,
      commonWord: COMMON,
      planted,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
