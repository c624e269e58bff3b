// The demo translations: after the seed, readers of Spanish and Arabic read the open call translated, readers
// of Arabic the draft messages and readers of Chinese the final messages; French of the open call and of the
// draft messages is left for the browser test to add. Seeding again changes no counts. The test database is
// shared with other tests, so everything here counts only the demo's own rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getFinalMessages } from "@/lib/messages/final";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { getPublicCall } from "@/lib/responses/public";
import { DEMO_ACCOUNTS, DEMO_CALLS } from "@/prisma/demo-content";
import { DEMO_FINAL_SLUG } from "@/prisma/demo-final";
import { DEMO_MESSAGES_SLUG } from "@/prisma/demo-messages";
import {
  DEMO_CALL_TRANSLATIONS,
  DEMO_FINAL_TRANSLATIONS,
  DEMO_MESSAGES_TRANSLATIONS,
  type DemoVersionTexts,
} from "@/prisma/demo-translations";
import { seedDemo } from "@/prisma/seed";

const OPEN = DEMO_CALLS.find((call) => call.key === "open")!;
const ARABIC = /[\u0600-\u06FF]/;
const CHINESE = /[\u4E00-\u9FFF]/;

async function countTranslations() {
  return {
    calls: await db.callTranslation.findMany({
      where: { call: { slug: OPEN.slug } },
      select: { locale: true },
      orderBy: { locale: "asc" },
    }),
    versions: await db.messageSetVersionTranslation.findMany({
      where: { version: { set: { slug: { in: [DEMO_MESSAGES_SLUG, DEMO_FINAL_SLUG] } } } },
      select: { locale: true, version: { select: { number: true, set: { select: { slug: true } } } } },
      orderBy: [{ version: { set: { slug: "asc" } } }, { version: { number: "asc" } }, { locale: "asc" }],
    }),
  };
}

const paragraphsOf = (texts: DemoVersionTexts) => texts.sections.flatMap((s) => s.paragraphs);
/** The Markdown marks a translation keeps from its original: bold, links, list items. */
const marks = (markdown: string) => ({
  bold: markdown.split("**").length - 1,
  links: (markdown.match(/\]\(/g) ?? []).length,
  items: (markdown.match(/^\s*(?:[-*]|\d+\.)\s/gm) ?? []).length,
});

let first: Awaited<ReturnType<typeof countTranslations>>;
let second: typeof first;

beforeAll(async () => {
  await seedDemo(db, { quiet: true });
  first = await countTranslations();
  await seedDemo(db, { quiet: true });
  second = await countTranslations();
});

afterAll(disconnectDb);

describe("the demo translations", () => {
  it("are written once: a second run adds none, and French is left to the moderator", () => {
    expect(second).toEqual(first);
    expect(first.calls.map((r) => r.locale)).toEqual(["ar", "es"]);
    expect(first.versions.map((r) => `${r.version.set.slug} v${r.version.number} ${r.locale}`)).toEqual([
      `${DEMO_FINAL_SLUG} v2 ar`,
      `${DEMO_FINAL_SLUG} v2 fr`,
      `${DEMO_FINAL_SLUG} v2 zh`,
      `${DEMO_MESSAGES_SLUG} v1 es`,
      `${DEMO_MESSAGES_SLUG} v2 ar`,
      `${DEMO_MESSAGES_SLUG} v2 es`,
    ]);
  });

  it("are the demo moderator's", async () => {
    const moderator = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.moderator }, select: { id: true } });
    const authors = [
      ...(await db.callTranslation.findMany({ where: { call: { slug: OPEN.slug } }, select: { updatedById: true } })),
      ...(await db.messageSetVersionTranslation.findMany({
        where: { version: { set: { slug: { in: [DEMO_MESSAGES_SLUG, DEMO_FINAL_SLUG] } } } },
        select: { updatedById: true },
      })),
    ];
    expect(new Set(authors.map((a) => a.updatedById))).toEqual(new Set([moderator.id]));
  });

  it("give a Spanish reader the open call in Spanish, choices labelled in Spanish but stored in the original", async () => {
    const es = DEMO_CALL_TRANSLATIONS.es!;
    const call = (await getPublicCall(OPEN.slug, new Date(), "es"))!;
    expect(call.title).toBe(es.title);
    expect(call.introduction).toBe(es.introduction);
    expect(call.language).toEqual({ original: "en", shown: "es", translated: true });
    expect(call.questions.map((q) => q.prompt)).toEqual(es.questions.map((q) => q.prompt));
    expect(call.questions.map((q) => q.helpText)).toEqual(es.questions.map((q) => q.helpText));
    expect(call.questions.map((q) => q.optionLabels)).toEqual(es.questions.map((q) => q.options));
    expect(call.questions.map((q) => q.options)).toEqual(OPEN.questions.map((q) => q.options ?? []));
    expect(call.glossary.map((g) => g.term)).toEqual(es.glossary.map((g) => g.term));
    expect(call.introduction).toContain("**ejemplos concretos**");
  });

  it("give an Arabic reader the open call in Arabic", async () => {
    const call = (await getPublicCall(OPEN.slug, new Date(), "ar"))!;
    expect(call.title).toBe(DEMO_CALL_TRANSLATIONS.ar!.title);
    expect(call.language.translated).toBe(true);
    for (const question of call.questions) expect(question.prompt).toMatch(ARABIC);
    for (const term of call.glossary) expect(term.definition).toMatch(ARABIC);
  });

  it("leave French of the open call and of the draft messages to the moderator", async () => {
    const call = (await getPublicCall(OPEN.slug, new Date(), "fr"))!;
    expect(call.title).toBe(OPEN.title);
    expect(call.language).toEqual({ original: "en", shown: "en", translated: false });
    const set = (await getPublishedMessageSet(DEMO_MESSAGES_SLUG, new Date(), "fr"))!;
    expect(set.language.translated).toBe(false);
    expect(
      await db.messageSetVersionTranslation.count({ where: { locale: "fr", version: { set: { slug: DEMO_MESSAGES_SLUG } } } }),
    ).toBe(0);
  });

  it("give an Arabic reader the latest draft messages (version 2) in Arabic", async () => {
    const ar = DEMO_MESSAGES_TRANSLATIONS[2]!.ar!;
    const set = (await getPublishedMessageSet(DEMO_MESSAGES_SLUG, new Date(), "ar"))!;
    expect(set.version.number).toBe(2);
    expect(set.language).toEqual({ original: "en", shown: "ar", translated: true });
    expect(set.title).toBe(ar.title);
    expect(set.sections.map((s) => s.heading)).toEqual(ar.sections.map((s) => s.heading));
    const paragraphs = set.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.map((p) => p.body)).toEqual(paragraphsOf(ar));
    for (const paragraph of paragraphs) expect(paragraph).toMatchObject({ lang: "ar", body: expect.stringMatching(ARABIC) });
    // The citations stay those of the original.
    expect(paragraphs.every((p) => p.sources.length > 0)).toBe(true);
  });

  it("give a Chinese reader the final messages in Chinese", async () => {
    const zh = DEMO_FINAL_TRANSLATIONS.zh!;
    const final = (await getFinalMessages(DEMO_FINAL_SLUG, new Date(), "zh"))!;
    expect(final.version.finalisedAt).not.toBeNull();
    expect(final.language).toEqual({ original: "en", shown: "zh", translated: true });
    expect(final.title).toBe(zh.title);
    const paragraphs = final.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.map((p) => p.body)).toEqual(paragraphsOf(zh));
    for (const paragraph of paragraphs) expect(paragraph.body).toMatch(CHINESE);
  });

  it("keep each original's Markdown: bold, links and lists", async () => {
    const versions = await db.messageSetVersion.findMany({
      where: { set: { slug: { in: [DEMO_MESSAGES_SLUG, DEMO_FINAL_SLUG] } }, translations: { some: {} } },
      select: { content: true, translations: { select: { locale: true, content: true } } },
    });
    for (const version of versions) {
      const originals = (version.content as { paragraphs: { paragraphId: string; body: string }[] }[]).flatMap(
        (s) => s.paragraphs,
      );
      for (const translation of version.translations) {
        const bodies = (translation.content as { paragraphs: Record<string, string> }).paragraphs;
        for (const original of originals) {
          expect(marks(bodies[original.paragraphId]!), `${translation.locale} ${original.paragraphId}`).toEqual(
            marks(original.body),
          );
        }
      }
    }
    const call = await db.call.findUniqueOrThrow({
      where: { slug: OPEN.slug },
      select: { introduction: true, translations: { select: { introduction: true } } },
    });
    for (const translation of call.translations) expect(marks(translation.introduction)).toEqual(marks(call.introduction));
  });
});
