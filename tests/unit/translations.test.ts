// Moderators' translations of calls and of message set versions, and what readers of each language get.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { getPublicCall } from "@/lib/responses/public";
import {
  getCallTranslationForEditing,
  removeCallTranslation,
  saveCallTranslation,
  setCallLanguage,
} from "@/lib/translations/calls";
import { callField, versionField } from "@/lib/translations/texts";
import { getVersionTranslationForEditing, saveVersionTranslation, setMessageSetLanguage } from "@/lib/translations/versions";
import { createCall, createQuestion, uniqueSuffix } from "@/prisma/factories";
import { actor } from "./helpers";

afterAll(() => disconnectDb());

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

let moderator: Awaited<ReturnType<typeof actor>>;
beforeAll(async () => {
  moderator = await actor("MODERATOR");
});

async function callWithQuestions() {
  const call = await createCall(db, { title: "Call on capacity building", introduction: "Tell us what works." });
  const open = await createQuestion(db, { callId: call.id, prompt: "What works?", helpText: "Give examples." });
  const choice = await createQuestion(db, {
    callId: call.id,
    prompt: "Is it enough?",
    type: "SINGLE_CHOICE",
    options: ["Yes", "No"],
  });
  const term = await db.glossaryTerm.create({
    data: { callId: call.id, position: 1, term: "CERT", definition: "A computer emergency response team." },
  });
  return { call, open, choice, term };
}

function frenchValues(c: Awaited<ReturnType<typeof callWithQuestions>>) {
  return {
    title: "Appel sur le renforcement des capacités",
    introduction: "Dites-nous ce qui fonctionne.",
    thematicTrack: "Sécurité, sûreté, stabilité et résilience",
    [callField.prompt(c.open.id)]: "Qu'est-ce qui fonctionne ?",
    [callField.helpText(c.open.id)]: "Donnez des exemples.",
    [callField.prompt(c.choice.id)]: "Est-ce suffisant ?",
    [callField.helpText(c.choice.id)]: "",
    [callField.options(c.choice.id)]: "Oui\nNon",
    [callField.term(c.term.id)]: "CERT",
    [callField.definition(c.term.id)]: "Une équipe d'intervention en cas d'urgence informatique.",
  };
}

describe("call translations", () => {
  it("gives readers of the language the translation, with the note's facts, and the others the original", async () => {
    const c = await callWithQuestions();
    await saveCallTranslation(moderator, { callId: c.call.id, locale: "fr", values: frenchValues(c) });

    const fr = (await getPublicCall(c.call.slug, new Date(), "fr"))!;
    expect(fr.title).toBe("Appel sur le renforcement des capacités");
    expect(fr.introduction).toBe("Dites-nous ce qui fonctionne.");
    expect(fr.thematicTrack).toBe("Sécurité, sûreté, stabilité et résilience");
    expect(fr.language).toEqual({ original: "en", shown: "fr", translated: true });
    expect(fr.questions.map((q) => [q.prompt, q.lang])).toEqual([
      ["Qu'est-ce qui fonctionne ?", "fr"],
      ["Est-ce suffisant ?", "fr"],
    ]);
    // The labels are translated; the values an answer stores stay the original options.
    expect(fr.questions[1]!.optionLabels).toEqual(["Oui", "Non"]);
    expect(fr.questions[1]!.options).toEqual(["Yes", "No"]);
    expect(fr.glossary[0]!.definition).toBe("Une équipe d'intervention en cas d'urgence informatique.");

    const es = (await getPublicCall(c.call.slug, new Date(), "es"))!;
    expect(es.title).toBe("Call on capacity building");
    expect(es.language).toEqual({ original: "en", shown: "en", translated: false });
    expect(es.questions[0]!.lang).toBe("en");

    // A question added after the translation reads in the original, with its own language.
    await createQuestion(db, { callId: c.call.id, prompt: "Anything else?" });
    const later = (await getPublicCall(c.call.slug, new Date(), "fr"))!;
    expect(later.questions.map((q) => [q.prompt, q.lang]).at(-1)).toEqual(["Anything else?", "en"]);

    // Audited, and editable again with the stored texts.
    const audit = await db.auditEntry.findMany({ where: { itemId: c.call.id, action: { startsWith: "callTranslation" } } });
    expect(audit.map((a) => a.action)).toEqual(["callTranslation.create"]);
    const editing = await getCallTranslationForEditing(moderator, c.call.id, "fr");
    expect(editing.values.title).toBe("Appel sur le renforcement des capacités");
    expect(editing.translated).toEqual(["fr"]);
  });

  it("refuses an incomplete or oversized translation with the original's field messages, and saves nothing", async () => {
    const c = await callWithQuestions();
    const values = frenchValues(c);
    const empty = await refusal(
      saveCallTranslation(moderator, { callId: c.call.id, locale: "fr", values: { ...values, title: "  " } }),
    );
    expect(empty).toMatchObject({ kind: "invalid", fields: { title: [{ code: "required" }] } });
    const long = await refusal(
      saveCallTranslation(moderator, {
        callId: c.call.id,
        locale: "fr",
        values: { ...values, [callField.prompt(c.open.id)]: "x".repeat(1001) },
      }),
    );
    expect(long.fields![callField.prompt(c.open.id)]).toEqual([{ code: "tooLong", params: { max: 1000 } }]);
    const options = await refusal(
      saveCallTranslation(moderator, {
        callId: c.call.id,
        locale: "fr",
        values: { ...values, [callField.options(c.choice.id)]: "Oui" },
      }),
    );
    expect(options.fields![callField.options(c.choice.id)]).toEqual([{ code: "translationOptionCount", params: { count: 2 } }]);
    // A help text the original leaves empty may stay empty; one it has may not.
    const help = await refusal(
      saveCallTranslation(moderator, {
        callId: c.call.id,
        locale: "fr",
        values: { ...values, [callField.helpText(c.open.id)]: "" },
      }),
    );
    expect(Object.keys(help.fields!)).toEqual([callField.helpText(c.open.id)]);
    expect(await db.callTranslation.count({ where: { callId: c.call.id } })).toBe(0);
  });

  it("refuses a stakeholder, an unknown call, the call's own language and an unknown locale alike", async () => {
    const c = await callWithQuestions();
    const stakeholder = await actor("STAKEHOLDER");
    expect(
      await refusal(saveCallTranslation(stakeholder, { callId: c.call.id, locale: "fr", values: frenchValues(c) })),
    ).toMatchObject({
      kind: "forbidden",
    });
    expect(await refusal(getCallTranslationForEditing(stakeholder, c.call.id, "fr"))).toMatchObject({ kind: "forbidden" });
    // The other call actions, too: nothing changes.
    expect(await refusal(setCallLanguage(stakeholder, { callId: c.call.id, language: "fr" }))).toMatchObject({
      kind: "forbidden",
    });
    expect(await refusal(removeCallTranslation(stakeholder, { callId: c.call.id, locale: "es" }))).toMatchObject({
      kind: "forbidden",
    });
    expect((await db.call.findUniqueOrThrow({ where: { id: c.call.id }, select: { language: true } })).language).toBe("en");
    expect(
      await refusal(saveCallTranslation(moderator, { callId: `nope-${uniqueSuffix()}`, locale: "fr", values: {} })),
    ).toMatchObject({ kind: "not_found" });
    for (const locale of ["en", "de", "xx"])
      expect(await refusal(saveCallTranslation(moderator, { callId: c.call.id, locale, values: frenchValues(c) }))).toMatchObject(
        { kind: "not_found" },
      );
    expect(await db.callTranslation.count({ where: { callId: c.call.id } })).toBe(0);
  });

  it("removes a translation, and will not make a translated language the original's", async () => {
    const c = await callWithQuestions();
    await saveCallTranslation(moderator, { callId: c.call.id, locale: "fr", values: frenchValues(c) });
    const clash = await refusal(setCallLanguage(moderator, { callId: c.call.id, language: "fr" }));
    expect(clash).toMatchObject({ kind: "invalid", fields: { language: [{ code: "translationExists" }] } });
    await removeCallTranslation(moderator, { callId: c.call.id, locale: "fr" });
    expect((await getPublicCall(c.call.slug, new Date(), "fr"))!.language.translated).toBe(false);
    await setCallLanguage(moderator, { callId: c.call.id, language: "fr" });
    const read = (await getPublicCall(c.call.slug, new Date(), "en"))!;
    // Now the original is French: an English reader is told so.
    expect(read.language).toEqual({ original: "fr", shown: "fr", translated: false });
    expect(await refusal(removeCallTranslation(moderator, { callId: c.call.id, locale: "fr" }))).toMatchObject({
      kind: "not_found",
    });
  });
});

async function publishedSet() {
  const call = await createCall(db);
  const suffix = uniqueSuffix();
  const content = (body2: string) => [
    {
      sectionId: `s1-${suffix}`,
      heading: "Capacity building",
      paragraphs: [
        { paragraphId: `p1-${suffix}`, body: "Invest in small CERTs.", origins: [], citations: [] },
        { paragraphId: `p2-${suffix}`, body: body2, origins: [], citations: [] },
      ],
    },
  ];
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `translated-${suffix}`,
      title: "Messages on capacity",
      status: "PUBLISHED",
      versions: {
        create: [
          {
            number: 1,
            content: content("Share threat data."),
            publishedAt: new Date(Date.now() - 7200_000),
            title: "Messages on capacity",
            introduction: "",
          },
        ],
      },
    },
    select: { id: true, slug: true },
  });
  return { set, suffix, content };
}

const frenchVersion = (suffix: string, second = "Partager les données sur les menaces.") => ({
  title: "Messages sur les capacités",
  introduction: "",
  [versionField.heading(`s1-${suffix}`)]: "Renforcement des capacités",
  [versionField.body(`p1-${suffix}`)]: "Investir dans les petites CERT.",
  [versionField.body(`p2-${suffix}`)]: second,
});

describe("message set version translations", () => {
  it("shows readers the published version's translation, and the next version only its own", async () => {
    const { set, suffix, content } = await publishedSet();
    await saveVersionTranslation(moderator, { setId: set.id, number: 1, locale: "fr", values: frenchVersion(suffix) });
    const fr = (await getPublishedMessageSet(set.slug, new Date(), "fr"))!;
    expect(fr.title).toBe("Messages sur les capacités");
    expect(fr.language).toEqual({ original: "en", shown: "fr", translated: true });
    expect(fr.sections[0]!.heading).toBe("Renforcement des capacités");
    expect(fr.sections[0]!.paragraphs.map((p) => [p.body, p.lang])).toEqual([
      ["Investir dans les petites CERT.", "fr"],
      ["Partager les données sur les menaces.", "fr"],
    ]);
    // Paragraph ids (what comments attach to) are the original's.
    expect(fr.sections[0]!.paragraphs[0]!.paragraphId).toBe(`p1-${suffix}`);
    expect((await getPublishedMessageSet(set.slug, new Date(), "ru"))!.sections[0]!.heading).toBe("Capacity building");

    // Version 2 changes paragraph 2: French readers get the original until version 2 is translated, and the
    // editor starts from version 1's translation for what did not change.
    await db.messageSetVersion.create({
      data: {
        setId: set.id,
        number: 2,
        content: content("Share threat data across borders."),
        publishedAt: new Date(),
        title: "Messages on capacity",
        introduction: "",
      },
    });
    const v2 = (await getPublishedMessageSet(set.slug, new Date(), "fr"))!;
    expect(v2.version.number).toBe(2);
    expect(v2.language.translated).toBe(false);
    expect(v2.sections[0]!.paragraphs[1]!.body).toBe("Share threat data across borders.");
    const editing = (await getVersionTranslationForEditing(moderator, set.id, 2, "fr"))!;
    expect(editing.carried).toBe(true);
    expect(editing.values[versionField.body(`p1-${suffix}`)]).toBe("Investir dans les petites CERT.");
    expect(editing.values[versionField.body(`p2-${suffix}`)]).toBe("");
    expect(editing.values.title).toBe("Messages sur les capacités");
  });

  it("keeps a final version's translation as it is, but still takes a language it lacks", async () => {
    const { set, suffix } = await publishedSet();
    await saveVersionTranslation(moderator, { setId: set.id, number: 1, locale: "fr", values: frenchVersion(suffix) });
    await db.messageSetVersion.updateMany({ where: { setId: set.id, number: 1 }, data: { finalisedAt: new Date() } });
    const frozen = await refusal(
      saveVersionTranslation(moderator, {
        setId: set.id,
        number: 1,
        locale: "fr",
        values: frenchVersion(suffix, "Un autre texte."),
      }),
    );
    expect(frozen).toMatchObject({ kind: "conflict", code: "translationFrozen" });
    await saveVersionTranslation(moderator, {
      setId: set.id,
      number: 1,
      locale: "es",
      values: {
        title: "Mensajes sobre capacidades",
        introduction: "",
        [versionField.heading(`s1-${suffix}`)]: "Fortalecimiento de capacidades",
        [versionField.body(`p1-${suffix}`)]: "Invertir en los pequeños CERT.",
        [versionField.body(`p2-${suffix}`)]: "Compartir datos sobre amenazas.",
      },
    });
    const fr = (await getPublishedMessageSet(set.slug, new Date(), "fr"))!;
    expect(fr.sections[0]!.paragraphs[1]!.body).toBe("Partager les données sur les menaces.");
    expect((await getPublishedMessageSet(set.slug, new Date(), "es"))!.title).toBe("Mensajes sobre capacidades");
  });

  it("refuses an empty paragraph, a stakeholder, an unknown version and the set's own language", async () => {
    const { set, suffix } = await publishedSet();
    const empty = await refusal(
      saveVersionTranslation(moderator, {
        setId: set.id,
        number: 1,
        locale: "fr",
        values: { ...frenchVersion(suffix), [versionField.body(`p2-${suffix}`)]: "" },
      }),
    );
    expect(empty.fields).toEqual({ [versionField.body(`p2-${suffix}`)]: [{ code: "required", params: { min: 1 } }] });
    const stakeholder = await actor("STAKEHOLDER");
    expect(
      await refusal(
        saveVersionTranslation(stakeholder, { setId: set.id, number: 1, locale: "fr", values: frenchVersion(suffix) }),
      ),
    ).toMatchObject({ kind: "forbidden" });
    expect(await refusal(setMessageSetLanguage(stakeholder, { setId: set.id, language: "fr" }))).toMatchObject({
      kind: "forbidden",
    });
    expect(await refusal(getVersionTranslationForEditing(stakeholder, set.id, 1, "fr"))).toMatchObject({ kind: "forbidden" });
    expect(
      await refusal(saveVersionTranslation(moderator, { setId: set.id, number: 9, locale: "fr", values: frenchVersion(suffix) })),
    ).toMatchObject({ kind: "not_found" });
    expect(
      await refusal(saveVersionTranslation(moderator, { setId: set.id, number: 1, locale: "en", values: frenchVersion(suffix) })),
    ).toMatchObject({ kind: "not_found" });
    await setMessageSetLanguage(moderator, { setId: set.id, language: "fr" });
    expect((await getPublishedMessageSet(set.slug, new Date(), "en"))!.language).toEqual({
      original: "fr",
      shown: "fr",
      translated: false,
    });
    expect(await db.messageSetVersionTranslation.count({ where: { version: { setId: set.id } } })).toBe(0);
  });
});

describe("titles in lists", () => {
  it("name a translated call and a translated set in the reader's language, each with its lang", async () => {
    const { listForumsWithCalls } = await import("@/lib/calls/calls");
    const { getCallCycle } = await import("@/lib/messages/cycle");
    const c = await callWithQuestions();
    await saveCallTranslation(moderator, { callId: c.call.id, locale: "fr", values: frenchValues(c) });
    const titleIn = async (locale?: string) =>
      (await listForumsWithCalls(new Date(), locale)).flatMap((f) => f.calls).find((call) => call.id === c.call.id)!;
    expect(await titleIn("fr")).toMatchObject({ title: "Appel sur le renforcement des capacités", lang: "fr" });
    expect(await titleIn("es")).toMatchObject({ title: "Call on capacity building", lang: "en" });
    expect(await titleIn()).toMatchObject({ title: "Call on capacity building", lang: "en" });

    const { set, suffix } = await publishedSet();
    await saveVersionTranslation(moderator, { setId: set.id, number: 1, locale: "fr", values: frenchVersion(suffix) });
    const { callId } = await db.messageSet.findUniqueOrThrow({ where: { id: set.id }, select: { callId: true } });
    const call = await db.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, opensAt: true, closesAt: true } });
    expect((await getCallCycle(call, new Date(), "fr")).sets.map((s) => [s.title, s.lang])).toEqual([
      ["Messages sur les capacités", "fr"],
    ]);
    expect((await getCallCycle(call, new Date(), "ru")).sets.map((s) => [s.title, s.lang])).toEqual([
      ["Messages on capacity", "en"],
    ]);
  });
});

describe("two people translating one call at once", () => {
  it("refuses the save of the one who opened it before the other's save, with that save's texts", async () => {
    const c = await callWithQuestions();
    const values = frenchValues(c);
    // Both opened the French translation before it existed (revision 0).
    const first = await saveCallTranslation(moderator, { callId: c.call.id, locale: "fr", values, revision: 0 });
    await expect(
      saveCallTranslation(moderator, {
        callId: c.call.id,
        locale: "fr",
        values: { ...values, title: "Un autre titre" },
        revision: 0,
      }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^editedMeanwhile/),
      conflict: { revision: first.revision, current: expect.objectContaining({ title: values.title }) },
    });
    // The first person saves again from the revision their own save gave them.
    const again = await saveCallTranslation(moderator, {
      callId: c.call.id,
      locale: "fr",
      values: { ...values, title: "Appel révisé" },
      revision: first.revision,
    });
    expect(again.revision).toBeGreaterThan(first.revision);
  });
});
