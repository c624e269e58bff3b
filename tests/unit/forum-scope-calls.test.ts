// Calls, their translations, exports, participation and attachments within forums (issue 15): a facilitator
// of forum A works on A's calls; forum B's are refused exactly as an unknown id would be, and nothing changes;
// an observer of A reads what A's facilitators read and is refused every change.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAttachmentForDownload, listVisibleAttachments } from "@/lib/attachments/attachments";
import { LocalDiskStorage } from "@/lib/attachments/storage";
import type { SessionUser } from "@/lib/auth/session";
import { callFormValues } from "@/lib/calls/form-values";
import { createCall, getCallForEditing, listForums, publishCall, unpublishCall, updateCall } from "@/lib/calls/manage";
import { callInputSchema, type CallFormValues } from "@/lib/calls/schemas";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listModeratorExports, moderatorDataset, openModeratorExport } from "@/lib/exports/exports";
import { evaluateTargets } from "@/lib/insights/gaps";
import { listOutreach } from "@/lib/insights/outreach";
import { getModeratorParticipation } from "@/lib/insights/participation";
import { targetsInputSchema } from "@/lib/insights/schemas";
import { setTargets } from "@/lib/insights/targets";
import {
  getCallTranslationForEditing,
  removeCallTranslation,
  saveCallTranslation,
  setCallLanguage,
} from "@/lib/translations/calls";
import { callField, versionField } from "@/lib/translations/texts";
import { getVersionTranslationForEditing, saveVersionTranslation, setMessageSetLanguage } from "@/lib/translations/versions";
import {
  createAppointment,
  createCall as createFactoryCall,
  createForum,
  createQuestion,
  createResponse,
  uniqueSuffix,
} from "@/prisma/factories";
import { createResponseFrom } from "@/prisma/factories-insights";
import { pdfFile } from "../support/files";
import { actor, appointee } from "./helpers";

let uploadDir: string;
let forumA: string;
let forumB: string;
/** Facilitator and observer of forum A; `mixed` facilitates forum B and observes forum A. */
let facilitator: SessionUser;
let observer: SessionUser;
let mixed: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-forum-scope-"));
  process.env.UPLOAD_DIR = uploadDir;
  forumA = (await createForum(db)).id;
  forumB = (await createForum(db)).id;
  facilitator = await appointee(forumA, "FACILITATOR");
  observer = await appointee(forumA, "OBSERVER");
  const b = await appointee(forumB, "FACILITATOR");
  await createAppointment(db, { forumId: forumA, userId: b.id, role: "OBSERVER" });
  mixed = { ...b, forums: { [forumB]: "FACILITATOR", [forumA]: "OBSERVER" } };
  admin = await actor("ADMIN");
});

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
  await disconnectDb();
});

/** The refusal a promise ends with: its kind, code and field errors (so two refusals can be compared whole). */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { kind: error.kind, code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const forbidden = { kind: "forbidden", code: "forbidden" };

function form(forumId: string, overrides: Partial<CallFormValues> = {}): CallFormValues {
  return {
    forumId,
    title: "Norms in practice",
    slug: `scoped-${uniqueSuffix()}`,
    referencePrefix: `s${uniqueSuffix()}`,
    thematicTrack: "",
    introduction: "Tell us how norms work in your community.",
    timeZone: "UTC",
    opensAt: "2030-03-01T09:00",
    closesAt: "2030-04-30T17:00",
    questions: [{ prompt: "What norms does your community follow?", type: "LONG_TEXT" }],
    glossary: [],
    ...overrides,
  };
}

const parse = (values: CallFormValues) => callInputSchema.parse(values);

/** A draft call of `forumId` with a question, as a facilitator would have made it. */
async function draftCall(forumId: string) {
  const call = await createFactoryCall(db, { forumId, publishedAt: null });
  await createQuestion(db, { callId: call.id });
  return call;
}

const callRow = (id: string) =>
  db.call.findUniqueOrThrow({
    where: { id },
    select: { title: true, forumId: true, publishedAt: true, language: true, targetMinGroupShare: true },
  });

describe("managing calls within forums", () => {
  it("offers a facilitator only the forums they manage, an administrator all, an observer none", async () => {
    const ids = async (who: SessionUser) =>
      (await listForums(who)).map((forum) => forum.id).filter((id) => id === forumA || id === forumB);
    expect(await ids(facilitator)).toEqual([forumA]);
    expect(await ids(mixed)).toEqual([forumB]);
    expect((await ids(admin)).sort()).toEqual([forumA, forumB].sort());
    expect(await refusal(listForums(observer))).toMatchObject(forbidden);
  });

  it("lets a facilitator create a call in their forum only; another forum is refused as an unknown one", async () => {
    const created = await createCall(facilitator, parse(form(forumA)));
    expect((await callRow(created.id)).forumId).toBe(forumA);
    const before = await db.call.count({ where: { forumId: forumB } });
    const unknown = await refusal(createCall(facilitator, parse(form(`no-such-forum-${uniqueSuffix()}`))));
    expect(unknown).toMatchObject({
      kind: "not_found",
      code: "forumNotFound",
      fieldErrors: { forumId: [{ code: "forumNotFound" }] },
    });
    expect(await refusal(createCall(facilitator, parse(form(forumB))))).toEqual(unknown);
    // An observer of the forum is told no, not that it does not exist.
    expect(await refusal(createCall(mixed, parse(form(forumA))))).toMatchObject(forbidden);
    expect(await refusal(createCall(observer, parse(form(forumA))))).toMatchObject(forbidden);
    expect(await db.call.count({ where: { forumId: forumB } })).toBe(before);
  });

  it("lets the forum's facilitators edit, publish and unpublish its calls, and its observers read them", async () => {
    const created = await createCall(facilitator, parse(form(forumA)));
    const read = await getCallForEditing(observer, created.id);
    expect(read).toMatchObject({ id: created.id, forumId: forumA, forumName: expect.any(String) });
    const values = callFormValues(await getCallForEditing(facilitator, created.id));
    await updateCall(facilitator, created.id, parse({ ...values, title: "Renamed by its facilitator" }));
    expect((await callRow(created.id)).title).toBe("Renamed by its facilitator");
    await publishCall(facilitator, created.id, new Date("2030-02-01T00:00:00Z"));
    expect((await callRow(created.id)).publishedAt).toEqual(new Date("2030-02-01T00:00:00Z"));
    await unpublishCall(facilitator, created.id);
    expect((await callRow(created.id)).publishedAt).toBeNull();
  });

  it("refuses forum B's call exactly as an unknown one, and changes nothing", async () => {
    const call = await draftCall(forumB);
    const published = await createFactoryCall(db, { forumId: forumB });
    const input = parse(form(forumB, { title: "Taken over" }));
    const unknown = `no-such-call-${uniqueSuffix()}`;
    const pairs: [string, (id: string) => Promise<unknown>][] = [
      ["getCallForEditing", (id) => getCallForEditing(facilitator, id)],
      ["updateCall", (id) => updateCall(facilitator, id, input)],
      ["publishCall", (id) => publishCall(facilitator, id)],
      ["unpublishCall", (id) => unpublishCall(facilitator, id === call.id ? published.id : id)],
    ];
    for (const [name, run] of pairs) {
      const expected = await refusal(run(unknown));
      expect(expected, name).toMatchObject({ kind: "not_found", code: "callNotFound" });
      expect(await refusal(run(call.id)), name).toEqual(expected);
    }
    expect(await callRow(call.id)).toMatchObject({ title: call.title, forumId: forumB, publishedAt: null });
    expect((await callRow(published.id)).publishedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { callId: { in: [call.id, published.id] } } })).toBe(0);
  });

  it("refuses moving a call to a forum the actor does not manage, and lets an administrator move it", async () => {
    const created = await createCall(facilitator, parse(form(forumA)));
    const values = callFormValues(await getCallForEditing(facilitator, created.id));
    const unknown = await refusal(updateCall(facilitator, created.id, parse({ ...values, forumId: `nope-${uniqueSuffix()}` })));
    expect(unknown).toMatchObject({
      kind: "not_found",
      code: "forumNotFound",
      fieldErrors: { forumId: [{ code: "forumNotFound" }] },
    });
    expect(await refusal(updateCall(facilitator, created.id, parse({ ...values, forumId: forumB })))).toEqual(unknown);
    expect((await callRow(created.id)).forumId).toBe(forumA);
    // A facilitator of B who only observes A can move nothing out of A, nor from B into A.
    expect(await refusal(updateCall(mixed, created.id, parse({ ...values, forumId: forumB })))).toMatchObject(forbidden);
    const inB = await createCall(mixed, parse(form(forumB)));
    const valuesB = callFormValues(await getCallForEditing(mixed, inB.id));
    expect(await refusal(updateCall(mixed, inB.id, parse({ ...valuesB, forumId: forumA })))).toMatchObject(forbidden);
    expect((await callRow(inB.id)).forumId).toBe(forumB);
    await updateCall(admin, created.id, parse({ ...values, forumId: forumB }));
    expect((await callRow(created.id)).forumId).toBe(forumB);
  });

  it("refuses an observer every change, and changes nothing", async () => {
    const call = await draftCall(forumA);
    const published = await createFactoryCall(db, { forumId: forumA });
    const values = callFormValues(await getCallForEditing(observer, call.id));
    for (const who of [observer, mixed]) {
      expect(await refusal(updateCall(who, call.id, parse({ ...values, title: "Changed" })))).toMatchObject(forbidden);
      expect(await refusal(publishCall(who, call.id))).toMatchObject(forbidden);
      expect(await refusal(unpublishCall(who, published.id))).toMatchObject(forbidden);
    }
    expect(await callRow(call.id)).toMatchObject({ title: call.title, publishedAt: null });
    expect((await callRow(published.id)).publishedAt).not.toBeNull();
  });
});

/** A call of `forumId` with a question and a glossary term, and its French translation's values. */
async function translatableCall(forumId: string) {
  const call = await createFactoryCall(db, { forumId, introduction: "Tell us what works." });
  const question = await createQuestion(db, { callId: call.id, prompt: "What works?", helpText: "" });
  const french = {
    title: "Appel",
    introduction: "Dites-nous ce qui fonctionne.",
    thematicTrack: "Sécurité",
    [callField.prompt(question.id)]: "Qu'est-ce qui fonctionne ?",
    [callField.helpText(question.id)]: "",
  };
  return { call, french };
}

/** A message set of a call of `forumId` with one saved version, and that version's French values. */
async function translatableSet(forumId: string) {
  const call = await createFactoryCall(db, { forumId });
  const suffix = uniqueSuffix();
  const set = await db.messageSet.create({
    data: {
      callId: call.id,
      slug: `scoped-set-${suffix}`,
      title: "Messages",
      versions: {
        create: [
          {
            number: 1,
            title: "Messages",
            introduction: "",
            content: [
              {
                sectionId: `s-${suffix}`,
                heading: "Capacity",
                paragraphs: [{ paragraphId: `p-${suffix}`, body: "Invest in CERTs.", origins: [], citations: [] }],
              },
            ],
          },
        ],
      },
    },
    select: { id: true },
  });
  const french = {
    title: "Messages",
    introduction: "",
    [versionField.heading(`s-${suffix}`)]: "Capacités",
    [versionField.body(`p-${suffix}`)]: "Investir dans les CERT.",
  };
  return { set, french };
}

describe("translations within forums", () => {
  it("lets a facilitator translate their forum's calls; forum B's are unknown; observers change nothing", async () => {
    const a = await translatableCall(forumA);
    await saveCallTranslation(facilitator, { callId: a.call.id, locale: "fr", values: a.french });
    expect((await getCallTranslationForEditing(facilitator, a.call.id, "fr")).updatedAt).not.toBeNull();
    await removeCallTranslation(facilitator, { callId: a.call.id, locale: "fr" });
    await setCallLanguage(facilitator, { callId: a.call.id, language: "es" });
    expect((await callRow(a.call.id)).language).toBe("es");

    const b = await translatableCall(forumB);
    await saveCallTranslation(admin, { callId: b.call.id, locale: "es", values: b.french });
    const unknown = `no-such-call-${uniqueSuffix()}`;
    const runs: [string, (id: string) => Promise<unknown>][] = [
      ["getCallTranslationForEditing", (id) => getCallTranslationForEditing(facilitator, id, "fr")],
      ["saveCallTranslation", (id) => saveCallTranslation(facilitator, { callId: id, locale: "fr", values: b.french })],
      ["removeCallTranslation", (id) => removeCallTranslation(facilitator, { callId: id, locale: "es" })],
      ["setCallLanguage", (id) => setCallLanguage(facilitator, { callId: id, language: "fr" })],
    ];
    for (const [name, run] of runs) {
      const expected = await refusal(run(unknown));
      expect(expected, name).toMatchObject({ kind: "not_found", code: "callNotFound" });
      expect(await refusal(run(b.call.id)), name).toEqual(expected);
    }
    for (const who of [observer, mixed]) {
      expect(await refusal(saveCallTranslation(who, { callId: a.call.id, locale: "fr", values: a.french }))).toMatchObject(
        forbidden,
      );
      expect(await refusal(setCallLanguage(who, { callId: a.call.id, language: "fr" }))).toMatchObject(forbidden);
      expect(await refusal(getCallTranslationForEditing(who, a.call.id, "fr"))).toMatchObject(forbidden);
    }
    await saveCallTranslation(facilitator, { callId: a.call.id, locale: "fr", values: a.french });
    for (const who of [observer, mixed])
      expect(await refusal(removeCallTranslation(who, { callId: a.call.id, locale: "fr" }))).toMatchObject(forbidden);
    expect(await db.callTranslation.findMany({ where: { callId: a.call.id }, select: { locale: true } })).toEqual([
      { locale: "fr" },
    ]);
    expect((await callRow(a.call.id)).language).toBe("es");
    expect((await callRow(b.call.id)).language).toBe("en");
    expect(await db.callTranslation.findMany({ where: { callId: b.call.id }, select: { locale: true } })).toEqual([
      { locale: "es" },
    ]);
  });

  it("lets a facilitator translate their forum's message sets only; observers change nothing", async () => {
    const a = await translatableSet(forumA);
    await saveVersionTranslation(facilitator, { setId: a.set.id, number: 1, locale: "fr", values: a.french });
    expect((await getVersionTranslationForEditing(facilitator, a.set.id, 1, "fr"))!.updatedAt).not.toBeNull();

    const b = await translatableSet(forumB);
    const unknown = `no-such-set-${uniqueSuffix()}`;
    const runs: [string, string, (id: string) => Promise<unknown>][] = [
      [
        "getVersionTranslationForEditing",
        "messageSetNotFound",
        (id) => getVersionTranslationForEditing(facilitator, id, 1, "fr"),
      ],
      [
        "saveVersionTranslation",
        "versionNotFound",
        (id) => saveVersionTranslation(facilitator, { setId: id, number: 1, locale: "fr", values: b.french }),
      ],
      ["setMessageSetLanguage", "messageSetNotFound", (id) => setMessageSetLanguage(facilitator, { setId: id, language: "fr" })],
    ];
    for (const [name, code, run] of runs) {
      const expected = await refusal(run(unknown));
      expect(expected, name).toMatchObject({ kind: "not_found", code });
      expect(await refusal(run(b.set.id)), name).toEqual(expected);
    }
    for (const who of [observer, mixed]) {
      expect(
        await refusal(saveVersionTranslation(who, { setId: a.set.id, number: 1, locale: "es", values: a.french })),
      ).toMatchObject(forbidden);
      expect(await refusal(setMessageSetLanguage(who, { setId: a.set.id, language: "es" }))).toMatchObject(forbidden);
    }
    expect(await db.messageSetVersionTranslation.count({ where: { version: { setId: a.set.id } } })).toBe(1);
    expect(await db.messageSetVersionTranslation.count({ where: { version: { setId: b.set.id } } })).toBe(0);
    const languages = await db.messageSet.findMany({ where: { id: { in: [a.set.id, b.set.id] } }, select: { language: true } });
    expect(languages.map((set) => set.language)).toEqual(["en", "en"]);
  });
});

describe("exports within forums", () => {
  const downloads = (callId: string) => db.auditEntry.count({ where: { callId, action: "export.download" } });

  it("gives a facilitator their forum's exports; forum B's call is unknown; an observer gets none", async () => {
    const a = await createFactoryCall(db, { forumId: forumA });
    const b = await createFactoryCall(db, { forumId: forumB });
    expect((await listModeratorExports(facilitator, a.id)).call.id).toBe(a.id);
    await openModeratorExport(facilitator, a.id, "responses.csv");
    expect(await downloads(a.id)).toBe(1);

    const unknown = `no-such-call-${uniqueSuffix()}`;
    const runs: [string, (id: string) => Promise<unknown>][] = [
      ["listModeratorExports", (id) => listModeratorExports(facilitator, id)],
      ["openModeratorExport", (id) => openModeratorExport(facilitator, id, "responses.csv")],
      ["moderatorDataset", (id) => moderatorDataset(facilitator, id, "responses")],
    ];
    for (const [name, run] of runs) {
      const expected = await refusal(run(unknown));
      expect(expected, name).toMatchObject({ kind: "not_found", code: "callNotFound" });
      expect(await refusal(run(b.id)), name).toEqual(expected);
    }
    for (const who of [observer, mixed]) {
      expect(await refusal(openModeratorExport(who, a.id, "responses.csv"))).toMatchObject(forbidden);
      expect(await refusal(listModeratorExports(who, a.id))).toMatchObject(forbidden);
      expect(await refusal(moderatorDataset(who, a.id, "excerpts"))).toMatchObject(forbidden);
    }
    expect(await downloads(a.id)).toBe(1);
    expect(await downloads(b.id)).toBe(0);
  });
});

describe("participation within forums", () => {
  it("shows the forum's facilitators and observers its figures; forum B's call is unknown", async () => {
    const a = await createFactoryCall(db, { forumId: forumA });
    const b = await createFactoryCall(db, { forumId: forumB });
    for (const who of [facilitator, observer, mixed]) {
      expect((await getModeratorParticipation(who, a.id)).call).toMatchObject({ id: a.id, forumId: forumA });
    }
    const gaps = evaluateTargets((await getModeratorParticipation(observer, a.id)).counts, {
      minGroupShare: 50,
      allRegions: false,
    });
    expect(await listOutreach(observer, a.id, gaps)).toEqual(expect.any(Array));

    const unknown = `no-such-call-${uniqueSuffix()}`;
    const runs: [string, (id: string) => Promise<unknown>][] = [
      ["getModeratorParticipation", (id) => getModeratorParticipation(facilitator, id)],
      ["listOutreach", (id) => listOutreach(facilitator, id, gaps)],
    ];
    for (const [name, run] of runs) {
      const expected = await refusal(run(unknown));
      expect(expected, name).toMatchObject({ kind: "not_found", code: "callNotFound" });
      expect(await refusal(run(b.id)), name).toEqual(expected);
    }
  });

  it("suggests contributors of the actor's own forums only", async () => {
    const forumC = (await createForum(db)).id;
    const target = await createFactoryCall(db, { forumId: forumA });
    const inC = await createFactoryCall(db, { forumId: forumC });
    const inB = await createFactoryCall(db, { forumId: forumB });
    const fromC = await createResponseFrom(db, { callId: inC.id, group: "INTERGOVERNMENTAL", region: "AFRICA" });
    const fromB = await createResponseFrom(db, { callId: inB.id, group: "INTERGOVERNMENTAL", region: "AFRICA" });
    const both = await appointee(forumA, "FACILITATOR");
    await createAppointment(db, { forumId: forumC, userId: both.id, role: "OBSERVER" });
    const ofAandC: SessionUser = { ...both, forums: { [forumA]: "FACILITATOR", [forumC]: "OBSERVER" } };
    const gaps = evaluateTargets((await getModeratorParticipation(facilitator, target.id)).counts, {
      minGroupShare: 50,
      allRegions: false,
    });
    const ids = async (who: SessionUser) => (await listOutreach(who, target.id, gaps)).map((contact) => contact.id);
    expect(await ids(facilitator)).not.toContain(fromC.user.id);
    expect(await ids(ofAandC)).toContain(fromC.user.id);
    for (const who of [facilitator, ofAandC]) expect(await ids(who)).not.toContain(fromB.user.id);
  });

  it("lets the forum's facilitators set its targets; forum B's call is unknown; observers change nothing", async () => {
    const a = await createFactoryCall(db, { forumId: forumA });
    const b = await createFactoryCall(db, { forumId: forumB });
    const targets = (callId: string) => targetsInputSchema.parse({ callId, minGroupShare: "20" });
    await setTargets(facilitator, targets(a.id));
    expect((await callRow(a.id)).targetMinGroupShare).toBe(20);
    const expected = await refusal(setTargets(facilitator, targets(`no-such-call-${uniqueSuffix()}`)));
    expect(expected).toMatchObject({ kind: "not_found", code: "callNotFound" });
    expect(await refusal(setTargets(facilitator, targets(b.id)))).toEqual(expected);
    expect((await callRow(b.id)).targetMinGroupShare).toBeNull();
    for (const who of [observer, mixed]) {
      expect(await refusal(setTargets(who, targetsInputSchema.parse({ callId: a.id, minGroupShare: "" })))).toMatchObject(
        forbidden,
      );
    }
    expect((await callRow(a.id)).targetMinGroupShare).toBe(20);
  });
});

describe("attachments within forums", () => {
  /** A private, submitted response of a call of `forumId` with one file. */
  async function privateFile(forumId: string) {
    const call = await createFactoryCall(db, { forumId });
    const author = await actor();
    const response = await createResponse(db, { callId: call.id, authorId: author.id, status: "SUBMITTED", consent: "PRIVATE" });
    const bytes = pdfFile("Confidential");
    const storageKey = createHash("md5").update(uniqueSuffix()).digest("hex");
    await new LocalDiskStorage(uploadDir).put(storageKey, bytes);
    const attachment = await db.attachment.create({
      data: {
        responseId: response.id,
        storageKey,
        fileName: "confidential.pdf",
        mediaType: "application/pdf",
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
      select: { id: true },
    });
    return { responseId: response.id, attachmentId: attachment.id };
  }

  it("gives a private response's files to the forum's facilitators and observers only", async () => {
    const a = await privateFile(forumA);
    for (const who of [facilitator, observer, mixed, admin]) {
      expect((await getAttachmentForDownload(who, a.attachmentId)).fileName).toBe("confidential.pdf");
      expect((await listVisibleAttachments(who, a.responseId)).map((file) => file.id)).toEqual([a.attachmentId]);
    }
    const b = await privateFile(forumB);
    const unknown = await refusal(getAttachmentForDownload(facilitator, `no-such-file-${uniqueSuffix()}`));
    expect(unknown).toMatchObject({ kind: "not_found" });
    expect(await refusal(getAttachmentForDownload(facilitator, b.attachmentId))).toEqual(unknown);
    expect(await listVisibleAttachments(facilitator, b.responseId)).toEqual([]);
  });
});
