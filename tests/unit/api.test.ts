// The open data API on a real database: what consent forbids never appears in any answer of any endpoint;
// cursors stay stable while responses arrive; bad input gets a JSON 400/404; ETag → 304; rate limit → 429.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { Consent, ModerationState, ResponseStatus, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { citationOf, createMessageSet } from "@/prisma/factories-api";
import { createCall, createForum, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { apiFetch, type ApiAnswer } from "./api-client";

const env = { ...process.env };
beforeAll(() => {
  process.env.TRUST_PROXY = "1";
  process.env.API_RATE_LIMIT_BURST = "100000";
});
afterAll(async () => {
  process.env = env;
  await disconnectDb();
});

const MINUTE = 60_000;
const base = Date.now() - 5 * 24 * 60 * MINUTE;

type Kind = {
  status?: ResponseStatus;
  consent?: Consent;
  moderationState?: ModerationState;
  group?: StakeholderGroup;
  region?: UnRegion;
};

async function respond(callId: string, questionId: string, label: string, kind: Kind, at: number) {
  const suffix = uniqueSuffix();
  const user = await createUser(db, {
    profile: {
      displayName: `Name-${label}-${suffix}`,
      organisation: `Org-${label}-${suffix}`,
      onBehalfOf: `Coalition-${label}-${suffix}`,
      ...(kind.group && { stakeholderGroup: kind.group }),
      ...(kind.region && { region: kind.region }),
    },
  });
  const text = `Answer-${label}-${suffix} on incident response`;
  const status = kind.status ?? "SUBMITTED";
  const response = await createResponse(db, {
    callId,
    authorId: user.id,
    status: status === "WITHDRAWN" ? "SUBMITTED" : status,
    consent: kind.consent,
    submittedAt: new Date(at),
    answers: [{ questionId, text }],
  });
  await db.response.update({
    where: { id: response.id },
    data: {
      moderationState: kind.moderationState ?? "PUBLISHED",
      ...(status === "WITHDRAWN" && { status, withdrawnAt: new Date() }),
    },
    select: { id: true },
  });
  return {
    ...response,
    text,
    name: user.profile!.displayName,
    organisation: user.profile!.organisation!,
    onBehalfOf: user.profile!.onBehalfOf!,
  };
}

/** Every page of a list, following `next`. */
async function allPages(path: string, cursor?: string) {
  const items: Record<string, unknown>[] = [];
  const answers: ApiAnswer[] = [];
  const sep = path.includes("?") ? "&" : "?";
  let url: string | null = cursor ? `${path}${sep}cursor=${cursor}` : path;
  for (let i = 0; url && i < 200; i++) {
    const answer = await apiFetch(url);
    expect(answer.status, url).toBe(200);
    answers.push(answer);
    const body = answer.json as { items: Record<string, unknown>[]; next?: string | null };
    items.push(...body.items);
    url = body.next ? `${path}${sep}cursor=${body.next}` : null;
  }
  return { items, answers };
}

describe("consent in every answer", () => {
  const seen: ApiAnswer[] = [];
  let data: Awaited<ReturnType<typeof dataset>>;

  async function dataset() {
    const forum = await createForum(db);
    const hiddenForum = await createForum(db, { name: `Forum-unpublished-${uniqueSuffix()}` });
    const call = await createCall(db, { forumId: forum.id });
    const draftCall = await createCall(db, {
      forumId: hiddenForum.id,
      publishedAt: null,
      title: `Call-unpublished-${uniqueSuffix()}`,
    });
    const question = await createQuestion(db, { callId: call.id });
    const draftQuestion = await createQuestion(db, { callId: draftCall.id });
    await db.glossaryTerm.create({
      data: { callId: call.id, position: 1, term: "CERT", definition: "Computer emergency response team." },
    });
    const r = (label: string, kind: Kind, minutes: number) => respond(call.id, question.id, label, kind, base + minutes * MINUTE);
    const named = await r("named", { group: "GOVERNMENT", region: "ASIA_PACIFIC" }, 1);
    const anonymous = await r("anonymous", { consent: "PUBLISH_ANONYMOUS" }, 2);
    const confidential = {
      private: await r("private", { consent: "PRIVATE" }, 3),
      pending: await r("pending", { moderationState: "PENDING" }, 4),
      hidden: await r("hidden", { moderationState: "HIDDEN" }, 5),
      withdrawn: await r("withdrawn", { status: "WITHDRAWN" }, 6),
      draft: await r("draft", { status: "DRAFT" }, 7),
      inDraftCall: await respond(draftCall.id, draftQuestion.id, "draftcall", {}, base),
    };
    const quote = (label: string) => `Quote-${label}-${uniqueSuffix()}`;
    const secretQuotes = [quote("hidden"), quote("private"), quote("withdrawn")];
    const publicQuote = quote("named");
    const draftBody = `Body-of-unpublished-version-${uniqueSuffix()}`;
    const content = (body: string) => [
      {
        heading: "Policy and cooperation",
        paragraphs: [
          {
            paragraphId: `para${uniqueSuffix()}`,
            body,
            citations: [
              citationOf(named, publicQuote),
              citationOf(confidential.hidden, secretQuotes[0]!),
              citationOf(confidential.private, secretQuotes[1]!),
              citationOf(confidential.withdrawn, secretQuotes[2]!),
            ],
          },
        ],
      },
    ];
    const set = await createMessageSet(db, {
      callId: call.id,
      versions: [
        {
          content: content("Cooperation between CERTs builds trust."),
          publishedAt: new Date(base + 60 * MINUTE),
          summary: "First draft",
        },
        { content: content(draftBody), publishedAt: null },
      ],
    });
    const draftSet = await createMessageSet(db, {
      callId: call.id,
      title: `Set-unpublished-${uniqueSuffix()}`,
      versions: [{ content: content(draftBody), publishedAt: null }],
    });
    const draftCallSet = await createMessageSet(db, {
      callId: draftCall.id,
      title: `Set-of-draft-call-${uniqueSuffix()}`,
      versions: [{ content: content(draftBody), publishedAt: new Date(base) }],
    });
    return {
      forum,
      hiddenForum,
      call,
      draftCall,
      named,
      anonymous,
      confidential,
      secretQuotes,
      publicQuote,
      draftBody,
      set,
      draftSet,
      draftCallSet,
    };
  }

  const fetchSeen = async (path: string) => {
    const answer = await apiFetch(path);
    seen.push(answer);
    return answer;
  };

  beforeAll(async () => {
    data = await dataset();
  });

  it("walks every endpoint: published items are served, confidential ones answer 404", async () => {
    const { call, forum, set, named, anonymous } = data;
    const forums = await allPages("/api/v1/forums");
    seen.push(...forums.answers);
    expect(forums.items.map((f) => f.slug)).toContain(forum.slug);
    expect(forums.items.map((f) => f.slug)).not.toContain(data.hiddenForum.slug);
    expect((await fetchSeen(`/api/v1/forums/${forum.slug}`)).status).toBe(200);

    const calls = await allPages("/api/v1/calls?limit=100");
    seen.push(...calls.answers);
    expect(calls.items.map((c) => c.slug)).toContain(call.slug);
    expect(calls.items.map((c) => c.slug)).not.toContain(data.draftCall.slug);
    seen.push(...(await allPages(`/api/v1/calls?forum=${forum.slug}&status=OPEN`)).answers);

    const callAnswer = await fetchSeen(`/api/v1/calls/${call.slug}`);
    expect(callAnswer.json).toMatchObject({ slug: call.slug, publishedResponses: 2, glossary: [{ term: "CERT" }] });

    const responses = await allPages(`/api/v1/calls/${call.slug}/responses?limit=1`);
    seen.push(...responses.answers);
    expect(responses.items.map((item) => item.reference)).toEqual([named.reference, anonymous.reference]);
    expect(responses.items[0]).toMatchObject({
      publication: "named",
      author: { name: named.name, organisation: named.organisation },
    });
    expect(responses.items[1]).toMatchObject({
      publication: "anonymous",
      author: null,
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
    });
    const filtered = async (filter: string) =>
      ((await fetchSeen(`/api/v1/calls/${call.slug}/responses?${filter}`)).json as { items: { reference: string }[] }).items.map(
        (i) => i.reference,
      );
    expect(await filtered("group=CIVIL_SOCIETY")).toEqual([anonymous.reference]);
    expect(await filtered("region=ASIA_PACIFIC")).toEqual([named.reference]);
    expect(await filtered(`since=${new Date(base + 2 * MINUTE).toISOString()}`)).toEqual([anonymous.reference]);
    expect(await filtered(`until=${new Date(base + 90_000).toISOString()}`)).toEqual([named.reference]);
    expect(await filtered("until=2020-01-01")).toEqual([]);

    const figures = await fetchSeen(`/api/v1/calls/${call.slug}/participation`);
    // named, anonymous, private and pending count; hidden does not (lib/responses/counted.ts): 4 in all; one in
    // GOVERNMENT × ASIA_PACIFIC.
    expect(figures.json).toMatchObject({ total: 4, cells: { GOVERNMENT: { ASIA_PACIFIC: null, AFRICA: 0 } } });

    for (const item of [named, anonymous]) expect((await fetchSeen(`/api/v1/responses/${item.reference}`)).status).toBe(200);
    expect((seen.at(-1)!.json as { author: unknown }).author).toBeNull();

    const sets = await allPages("/api/v1/message-sets?limit=100");
    seen.push(...sets.answers);
    const slugs = sets.items.map((s) => s.slug);
    expect(slugs).toContain(set.slug);
    expect(slugs).not.toContain(data.draftSet.slug);
    expect(slugs).not.toContain(data.draftCallSet.slug);
    seen.push(...(await allPages(`/api/v1/message-sets?call=${call.slug}`)).answers);
    const setAnswer = await fetchSeen(`/api/v1/message-sets/${set.slug}`);
    expect(setAnswer.json).toMatchObject({ latestVersion: { number: 1 }, version: { number: 1, summary: "First draft" } });
    const citations = (setAnswer.json as { version: { sections: { paragraphs: { citations: Record<string, unknown>[] }[] }[] } })
      .version.sections[0]!.paragraphs[0]!.citations;
    expect(citations[0]).toEqual({
      reference: named.reference,
      stakeholderGroup: "GOVERNMENT",
      region: "ASIA_PACIFIC",
      available: true,
      quote: data.publicQuote,
      url: `/api/v1/responses/${named.reference}`,
    });
    for (const [index, source] of [
      [1, data.confidential.hidden],
      [2, data.confidential.private],
      [3, data.confidential.withdrawn],
    ] as const) {
      expect(citations[index]).toEqual({
        reference: source.reference,
        stakeholderGroup: source.stakeholderGroup,
        region: source.region,
        available: false,
      });
    }
    const versions = await fetchSeen(`/api/v1/message-sets/${set.slug}/versions`);
    expect((versions.json as { items: { number: number }[] }).items.map((v) => v.number)).toEqual([1]);
    expect((await fetchSeen(`/api/v1/message-sets/${set.slug}/versions/1`)).status).toBe(200);
    expect((await fetchSeen("/api/v1/openapi.json")).status).toBe(200);

    const refused = [
      `/api/v1/forums/${data.hiddenForum.slug}`,
      `/api/v1/calls/${data.draftCall.slug}`,
      `/api/v1/calls/${data.draftCall.slug}/responses`,
      `/api/v1/calls/${data.draftCall.slug}/participation`,
      `/api/v1/message-sets/${set.slug}/versions/2`,
      `/api/v1/message-sets/${data.draftSet.slug}`,
      `/api/v1/message-sets/${data.draftSet.slug}/versions`,
      `/api/v1/message-sets/${data.draftSet.slug}/versions/1`,
      `/api/v1/message-sets/${data.draftCallSet.slug}`,
      ...Object.values(data.confidential).map((c) => `/api/v1/responses/${c.reference ?? "NONE-0000"}`),
      "/api/v1/comments",
      "/api/v1/calls/x/responses/y",
    ];
    for (const path of refused) {
      const answer = await fetchSeen(path);
      expect(answer.status, path).toBe(404);
      expect(answer.json, path).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("no answer contains a confidential text, name, organisation, quote, title or (outside an unavailable citation) reference", () => {
    expect(seen.length).toBeGreaterThan(30);
    const { confidential, anonymous } = data;
    const forbidden = [
      ...Object.values(confidential).flatMap((c) => [c.text, c.name, c.organisation, c.onBehalfOf]),
      anonymous.name,
      anonymous.organisation,
      anonymous.onBehalfOf,
      ...data.secretQuotes,
      data.draftBody,
      data.draftCall.slug,
      data.draftCall.title,
      data.hiddenForum.slug,
      data.draftSet.slug,
      data.draftSet.title,
      data.draftCallSet.slug,
    ];
    const references = Object.values(confidential).flatMap((c) => (c.reference ? [c.reference] : []));
    expect(references.length).toBe(5);
    // An unavailable citation keeps the reference it was cited by (and nothing else of the response).
    const withoutUnavailable = (text: string) =>
      JSON.stringify(JSON.parse(text || "null"), (_key, value) =>
        value && typeof value === "object" && value.available === false ? undefined : value,
      );
    for (const answer of seen) {
      for (const secret of forbidden) expect(answer.text, answer.template).not.toContain(secret);
      const stripped = withoutUnavailable(answer.text);
      for (const reference of references) expect(stripped, answer.template).not.toContain(reference);
    }
  });
});

describe("cursor pagination", () => {
  it("stays stable while responses arrive: nothing repeated, nothing skipped, newcomers at the end", async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    const same = base + 30 * MINUTE; // equal submittedAt: the id breaks the tie
    const originals = [];
    for (const [i, at] of [base, same, same, same, base + 40 * MINUTE].entries())
      originals.push(await respond(call.id, question.id, `o${i}`, {}, at));
    const path = `/api/v1/calls/${call.slug}/responses?limit=2`;
    const first = (await apiFetch(path)).json as { items: { reference: string }[]; next: string; total: number };
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(5);

    // Page 2 is read while three responses are being submitted.
    const [second, ...arrivals] = await Promise.all([
      apiFetch(`${path}&cursor=${first.next}`),
      ...[1, 2, 3].map((n) => respond(call.id, question.id, `new${n}`, {}, Date.now() + n)),
    ]);
    const secondBody = second!.json as { items: { reference: string }[]; next: string };
    const rest = await allPages(path, secondBody.next);
    const read = [...first.items, ...secondBody.items, ...rest.items].map((item) => item.reference as string);

    expect(new Set(read).size).toBe(read.length);
    const expectedOriginals = [...originals].sort(
      (a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || (a.id < b.id ? -1 : 1),
    );
    expect(read.slice(0, 5)).toEqual(expectedOriginals.map((r) => r.reference));
    expect([...read.slice(5)].sort()).toEqual(arrivals.map((r) => (r as { reference: string }).reference).sort());
  });
});
