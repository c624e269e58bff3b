// Responses are searched in the language they are written in (lib/responses/search-language.ts): stemmed
// French, Spanish, Russian, Arabic and English, Chinese cut into words, each found by a query whatever the
// language of the page, and only where the query matches in the response's own language. The language comes
// from the response form (and the comment form) through their real server actions; only "who is signed in",
// the request's translator and the cache are stubbed (there is no Next.js request here).
import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { postCommentAction } from "@/lib/comments/actions";
import { setComments } from "@/lib/comments/read";
import { db, disconnectDb } from "@/lib/db";
import { indexableQuery, indexableText, prepareSearch, searchMatches, segmentedHeadline } from "@/lib/responses/search-language";
import { responseFormAction } from "@/lib/responses/actions";
import { listPublishedResponses } from "@/lib/responses/public";
import { MARK_END, MARK_START } from "@/lib/responses/public-marks";
import { getOrCreateDraft, saveDraft } from "@/lib/responses/responses";
import { createCommentableSet } from "@/prisma/factories-comments";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { actor } from "./helpers";

const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getSessionUser: async () => signedIn.user,
  authorize: async () => {
    if (!signedIn.user) throw new Error("not signed in");
    return signedIn.user;
  },
}));
vi.mock("next-intl/server", async () => {
  const { default: en } = await import("@/lib/i18n/messages/en/errors.json");
  return {
    getLocale: async () => "en",
    getTranslations: async (namespace: string) =>
      createTranslator({ locale: "en", messages: en, namespace: namespace as "Errors" }),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

afterAll(disconnectDb);

const TEXTS = {
  en: "Every norm needs a community that keeps it alive.",
  fr: "Les gouvernements doivent protéger les données.",
  es: "Las organizaciones deben proteger los datos personales.",
  ru: "Правительства должны защищать персональные данные.",
  ar: "يجب على الحكومات حماية البيانات الشخصية.",
  zh: "我们需要加强网络安全能力建设。",
} as const;
type Language = keyof typeof TEXTS;

describe("search in the language of each response", () => {
  let callId: string;
  const ids = {} as Record<Language, string>;

  beforeAll(async () => {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    callId = call.id;
    let minute = 0;
    for (const [language, text] of Object.entries(TEXTS) as [Language, string][]) {
      const author = await createUser(db);
      const response = await createResponse(db, {
        callId,
        authorId: author.id,
        status: "SUBMITTED",
        language,
        submittedAt: new Date(Date.now() - 60 * 60_000 + minute++ * 60_000),
        answers: [{ questionId: question.id, text }],
      });
      ids[language] = response.id;
    }
  });

  const found = async (q: string) => (await listPublishedResponses(callId, { q })).items.map((item) => item.id);

  it("finds each response by a word it contains only in another form, and no other response", async () => {
    expect(await found("gouvernement")).toEqual([ids.fr]); // text: "gouvernements"
    expect(await found("organización")).toEqual([ids.es]); // text: "organizaciones"
    expect(await found("правительство")).toEqual([ids.ru]); // text: "Правительства"
    expect(await found("الحكومة")).toEqual([ids.ar]); // text: "الحكومات" (the governments)
    expect(await found("norms")).toEqual([ids.en]); // text: "norm"
    expect(await found("norm")).toEqual([ids.en]);
  });

  it("finds a Chinese response by its words, though the text has no spaces", async () => {
    expect(await found("安全")).toEqual([ids.zh]);
    expect(await found("网络")).toEqual([ids.zh]);
    expect(await found("网络安全")).toEqual([ids.zh]);
    expect(await found('"网络安全"')).toEqual([ids.zh]);
    expect(await found("网络 -安全")).toEqual([]);
    // A single character that is not a word there finds nothing.
    expect(await found("网")).toEqual([]);
  });

  it("shows the matched words highlighted, in Chinese too", async () => {
    const [zh] = (await listPublishedResponses(callId, { q: "安全" })).items;
    expect(zh).toMatchObject({ id: ids.zh, language: "zh", highlighted: true });
    expect(zh!.excerpt).toBe(`我们需要加强网络${MARK_START}安全${MARK_END}能力建设。`);
    const [fr] = (await listPublishedResponses(callId, { q: "gouvernement" })).items;
    expect(fr).toMatchObject({ id: ids.fr, language: "fr", highlighted: true });
    expect(fr!.excerpt).toContain(`${MARK_START}gouvernements${MARK_END}`);
  });

  it("does not return responses the query does not match in their own language", async () => {
    expect(await found("données")).toEqual([ids.fr]);
    expect(await found("datos")).toEqual([ids.es]);
    expect(await found("community")).toEqual([ids.en]);
    expect(await found("zzyzx")).toEqual([]);
    // English stemming would take "proteging" to the French text's "proteg"; French stemming does not.
    expect(await found("proteging")).toEqual([]);
    // Stop words only: nothing, as before, and no error.
    const stop = await listPublishedResponses(callId, { q: "the of" });
    expect(stop).toMatchObject({ items: [], total: 0 });
    expect(await found("les")).not.toContain(ids.en);
  });

  it("keeps web-search syntax and never raises an error on odd input", async () => {
    for (const q of ['"unclosed & | ! ( <->', "网络 or 数据", "-", "“安全”", "：；", "e-mail 3.5", "!!! ???"])
      await expect(listPublishedResponses(callId, { q })).resolves.toBeDefined();
    expect(await found("网络 or 数据")).toEqual([ids.zh]);
  });

  it("lets the moderators' source search find responses in any language", async () => {
    const { searchResponses } = await import("@/lib/messages/sources");
    const moderator = await actor("MODERATOR");
    const zh = await searchResponses(moderator, callId, { q: "安全" });
    expect(zh.map((row) => [row.id, row.language])).toEqual([[ids.zh, "zh"]]);
    const ru = await searchResponses(moderator, callId, { q: "правительство" });
    expect(ru.map((row) => row.id)).toEqual([ids.ru]);
  });
});

describe("segmentation for the index and for queries", () => {
  it("cuts Chinese into the same words on both sides, keeping quotes and a leading minus", () => {
    expect(indexableText(TEXTS.zh, "zh")).toBe("我们 需要 加强 网络 安全 能力 建设");
    expect(indexableQuery('"网络安全" -能力', "zh")).toBe('"网络 安全" -能力');
    expect(indexableQuery("e-mail，网络", "zh")).toBe("e mail 网络");
    // Other languages reach PostgreSQL unchanged.
    expect(indexableText(TEXTS.fr, "fr")).toBe(TEXTS.fr);
    expect(indexableQuery("gouvernement -données", "fr")).toBe("gouvernement -données");
  });

  it("highlights only the query's positive words in a Chinese passage", () => {
    expect(segmentedHeadline(TEXTS.zh, "能力 -安全", "zh")).toBe(`我们需要加强网络安全${MARK_START}能力${MARK_END}建设。`);
    expect(segmentedHeadline(TEXTS.zh, "数据", "zh")).toBeNull();
    expect(segmentedHeadline(TEXTS.fr, "données", "fr")).toBeNull();
    const long = `${"我们需要加强网络安全能力建设。".repeat(20)}量子`;
    const passage = segmentedHeadline(long, "量子", "zh")!;
    expect(passage.startsWith("… ")).toBe(true);
    expect(passage.endsWith(`${MARK_START}量子${MARK_END}`)).toBe(true);
    expect(passage.length).toBeLessThan(80);
  });

  it("reads a query once in every configuration, and looks each distinct word up once", async () => {
    const chinese = await prepareSearch(db, "安全");
    expect(chinese).toMatchObject({ any: "('安全')", uniform: true });
    expect(chinese.byLanguage).toMatchObject({ en: "'安全'", zh: "'安全'" });
    const french = await prepareSearch(db, "gouvernements");
    expect(french.byLanguage).toMatchObject({ en: "'gouvern'", fr: "'gouvern'", es: "'gouvernements'" });
    expect(french.any!.split(" | ").sort()).toEqual(["('gouvern')", "('gouvernements')"]);
    expect(french.uniform).toBe(false);
    // Stop words in English, words elsewhere: empty for English responses only.
    expect((await prepareSearch(db, "the of")).byLanguage.en).toBe("");
    const none = await prepareSearch(db, "，。");
    expect(none.any).toBeNull();
    const sql = searchMatches("r", french);
    expect(sql.sql).toContain(`r."searchVector" @@ CAST(? AS tsquery)`);
    expect(sql.sql).toContain("CASE r.language WHEN 'en'");
    // The same in every language: the index alone answers.
    expect(searchMatches("r", chinese).sql).not.toContain("CASE");
    expect(searchMatches("r", none).sql).toBe("FALSE");
  });
});

describe("the language chosen in the response form", () => {
  async function openCall() {
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id, type: "LONG_TEXT", required: true, maxLength: 500 });
    return { call, question };
  }

  function post(fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  }

  it("starts a new draft in the page's language, keeps the stored one after", async () => {
    const { call } = await openCall();
    const me = await actor();
    const { response } = await getOrCreateDraft(me, call.slug, { language: "ar" });
    expect(response?.language).toBe("ar");
    const again = await getOrCreateDraft(me, call.slug, { language: "ru" });
    expect(again.response).toMatchObject({ id: response!.id, language: "ar" });
    // Not a locale: English, the column's default.
    const other = await actor();
    expect((await getOrCreateDraft(other, call.slug, { language: "de" })).response?.language).toBe("en");
  });

  it("stores the language a draft and a submission send, and indexes the answers in it", async () => {
    const { call, question } = await openCall();
    const me = await actor();
    signedIn.user = me;
    const { response } = await getOrCreateDraft(me, call.slug, { language: "en" });
    const answer = `q_${question.id}`;

    const saved = await responseFormAction(
      null,
      post({ responseId: response!.id, intent: "draft", language: "es", [answer]: "Borrador." }),
    );
    expect(saved.ok).toBe(true);
    expect((await db.response.findUniqueOrThrow({ where: { id: response!.id } })).language).toBe("es");

    // The autosave sends the form's values as JSON: the language is among them.
    await saveDraft(me, { responseId: response!.id, answers: { [answer]: "Borrador.", language: "fr" } });
    expect((await db.response.findUniqueOrThrow({ where: { id: response!.id } })).language).toBe("fr");

    const submit = responseFormAction(
      null,
      post({
        responseId: response!.id,
        intent: "submit",
        language: "ru",
        consent: "PUBLISH_NAMED",
        submitKey: randomUUID(),
        [answer]: "Правительства должны защищать персональные данные.",
      }),
    );
    await expect(submit).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const stored = await db.response.findUniqueOrThrow({ where: { id: response!.id }, select: { language: true, status: true } });
    expect(stored).toEqual({ language: "ru", status: "SUBMITTED" });
    expect((await listPublishedResponses(call.id, { q: "правительство" })).items.map((item) => item.id)).toEqual([response!.id]);
  });

  it("refuses a language that is not offered with the field's error, and keeps what was stored", async () => {
    const { call, question } = await openCall();
    const me = await actor();
    signedIn.user = me;
    const { response } = await getOrCreateDraft(me, call.slug, { language: "zh" });
    for (const [intent, language] of [
      ["draft", "de"],
      ["draft", ""],
      ["submit", "english"],
    ]) {
      const result = await responseFormAction(
        null,
        post({
          responseId: response!.id,
          intent: intent!,
          language: language!,
          consent: "PRIVATE",
          submitKey: randomUUID(),
          [`q_${question.id}`]: "安全",
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { language: ["Choose one of the languages offered."] },
        values: { language },
      });
    }
    expect((await db.response.findUniqueOrThrow({ where: { id: response!.id } })).language).toBe("zh");
    await expect(saveDraft(me, { responseId: response!.id, answers: { language: ["fr", "es"] } })).rejects.toMatchObject({
      kind: "invalid",
      fieldErrors: { language: [{ code: "chooseLanguage" }] },
    });
  });
});

describe("the language chosen in the comment form", () => {
  it("stores the comment's language for the thread, and refuses one not offered", async () => {
    const { set, version, paragraphIds } = await createCommentableSet(db);
    signedIn.user = await actor();
    const fields = (language: string) => {
      const form = new FormData();
      form.set("versionId", version.id);
      form.set("paragraphId", paragraphIds[0]!);
      form.set("body", "يجب ذكر فئات أصحاب المصلحة صراحةً.");
      form.set("language", language);
      form.set("submitKey", `key-${uniqueSuffix()}-${uniqueSuffix()}`);
      form.set("slug", "a-set");
      return form;
    };
    const refused = await postCommentAction(null, fields("xx"));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { language: ["Choose one of the languages offered."] } });
    expect(await db.comment.count({ where: { versionId: version.id } })).toBe(0);

    await expect(postCommentAction(null, fields("ar"))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
    const row = await db.comment.findFirstOrThrow({ where: { versionId: version.id }, select: { id: true, language: true } });
    expect(row.language).toBe("ar");
    const sections = [
      { paragraphs: paragraphIds.map((paragraphId, index) => ({ paragraphId, origins: [], number: index + 1 })) },
    ];
    const shown = await setComments(null, { id: set.id, version: { id: version.id, number: version.number }, sections });
    const thread = [...shown.byParagraph.values()].flat().find((t) => t.id === row.id);
    expect(thread?.language).toBe("ar");
  });
});
