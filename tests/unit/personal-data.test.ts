// Personal data on a real database: the export holds the person's data, nobody else's and no token; deleting
// the account removes or anonymises their responses (files too), keeps citations consistent, refuses the
// last administrator and a wrong confirmation.
import { createHash } from "node:crypto";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteAccount, exportPersonalData } from "@/lib/accounts/personal-data";
import { deleteAccountSchema } from "@/lib/accounts/personal-data-schemas";
import { LocalDiskStorage } from "@/lib/attachments/storage";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import { recordAuditNow } from "@/lib/audit/record";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { createCitationOf, createResponseFrom } from "@/prisma/factories-insights";
import { pdfFile } from "../support/files";

let uploadDir: string;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-personal-data-unit-"));
  process.env.UPLOAD_DIR = uploadDir;
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
  await disconnectDb();
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const fileOf = (key: string) => path.join(uploadDir, key.slice(0, 2), key);

async function attach(responseId: string, fileName: string) {
  const storageKey = createHash("md5").update(uniqueSuffix()).digest("hex");
  const bytes = pdfFile();
  await new LocalDiskStorage(uploadDir).put(storageKey, bytes);
  return db.attachment.create({
    data: {
      responseId,
      storageKey,
      fileName,
      mediaType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
    select: { id: true, storageKey: true },
  });
}

/** A stakeholder with a named submitted response (with an answer and a file), a draft elsewhere, a session and a report. */
async function person(role: SessionUser["role"] = "STAKEHOLDER") {
  const user = await createUser(db, {
    role,
    profile: { displayName: `Wanjiru Test ${uniqueSuffix()}`, organisation: "Nairobi Cyber Lab", country: "KE" },
  });
  const actor: SessionUser = { id: user.id, email: user.email, name: null, role, forums: {}, hasProfile: true };
  const call = await createCall(db);
  const question = await createQuestion(db, { callId: call.id });
  const response = await createResponse(db, {
    callId: call.id,
    authorId: user.id,
    status: "SUBMITTED",
    answers: [{ questionId: question.id, text: "Norms need local champions." }],
  });
  const file = await attach(response.id, "wanjiru-cv.pdf");
  const draftCall = await createCall(db);
  const draft = await createResponse(db, { callId: draftCall.id, authorId: user.id });
  const draftFile = await attach(draft.id, "draft-notes.pdf");
  const sessionToken = `secret-token-${uniqueSuffix()}`;
  await db.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) },
    select: { id: true },
  });
  const other = await createResponseFrom(db, { callId: call.id, group: "GOVERNMENT", region: "AFRICA", name: "Someone Else" });
  await db.report.create({
    data: { responseId: other.response.id, reporterId: user.id, reason: "OFF_TOPIC" },
    select: { id: true },
  });
  return { user, actor, call, response, file, draft, draftFile, sessionToken, other };
}

describe("exportPersonalData", () => {
  it("contains the person's data, nobody else's, and no token or storage key", async () => {
    const p = await person();
    await recordAuditNow({
      actor: { id: p.user.id, role: "STAKEHOLDER" },
      action: "test.action",
      itemType: "call",
      itemId: p.call.id,
    });
    const data = await exportPersonalData(p.actor);
    const json = JSON.stringify(data);
    expect(data.user).toMatchObject({ id: p.user.id, email: p.user.email, role: "STAKEHOLDER" });
    expect(data.profile).toMatchObject({ organisation: "Nairobi Cyber Lab", country: "KE" });
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys(data.sessions[0]!).sort()).toEqual(["createdAt", "expires", "lastSeenAt", "userAgent"]);
    expect(data.responses.map((r) => r.id).sort()).toEqual([p.response.id, p.draft.id].sort());
    const submitted = data.responses.find((r) => r.id === p.response.id)!;
    expect(submitted.answers[0]).toMatchObject({ text: "Norms need local champions." });
    expect(submitted.versions).toHaveLength(1);
    expect(submitted.attachments[0]).toMatchObject({ fileName: "wanjiru-cv.pdf", mediaType: "application/pdf" });
    expect(data.reports).toEqual([
      expect.objectContaining({ reason: "OFF_TOPIC", responseReference: p.other.response.reference }),
    ]);
    expect(data.auditEntries.map((e) => e.action)).toEqual(["test.action"]);
    expect(json).not.toContain(p.sessionToken);
    expect(json).not.toContain(p.file.storageKey);
    expect(json).not.toContain("Someone Else");
    expect(json).not.toContain(p.other.user.email);
    expect(json).not.toContain(p.other.response.id);
  });
});

describe("deleteAccount", () => {
  it("removes the responses, their files and the drafts; a citation keeps its reference and loses the link", async () => {
    const p = await person();
    const citation = await createCitationOf(db, p.call.id, p.response);
    // The response belongs to a campaign: removing it puts the call's campaigns out of date.
    const cluster = await db.responseCluster.create({
      data: {
        callId: p.call.id,
        representativeId: p.response.id,
        size: 2,
        minScore: 0.8,
        members: { connect: [{ id: p.response.id }] },
      },
      select: { id: true },
    });
    await db.call.update({ where: { id: p.call.id }, data: { clusteredAt: new Date() } });
    const result = await deleteAccount(
      p.actor,
      deleteAccountSchema.parse({ responses: "remove", confirmEmail: ` ${p.user.email.toUpperCase()} ` }),
    );
    expect(await db.call.findUniqueOrThrow({ where: { id: p.call.id }, select: { clusteredAt: true } })).toEqual({
      clusteredAt: null,
    });
    await db.responseCluster.delete({ where: { id: cluster.id } });
    expect(result).toEqual({ responses: "remove", removed: 1, draftsRemoved: 1, anonymised: 0 });

    expect(await db.user.count({ where: { id: p.user.id } })).toBe(0);
    expect(await db.profile.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await db.report.count({ where: { reporterId: p.user.id } })).toBe(0);
    expect(await db.response.count({ where: { id: { in: [p.response.id, p.draft.id] } } })).toBe(0);
    expect(await db.answer.count({ where: { responseId: p.response.id } })).toBe(0);
    expect(await db.attachment.count({ where: { id: { in: [p.file.id, p.draftFile.id] } } })).toBe(0);
    expect(await exists(fileOf(p.file.storageKey))).toBe(false);
    expect(await exists(fileOf(p.draftFile.storageKey))).toBe(false);
    const cited = await db.citation.findUniqueOrThrow({
      where: { id: citation.id },
      select: { responseId: true, reference: true, stakeholderGroup: true },
    });
    expect(cited).toEqual({ responseId: null, reference: p.response.reference, stakeholderGroup: "CIVIL_SOCIETY" });
    // Someone else's response is untouched.
    expect(await db.response.count({ where: { id: p.other.response.id } })).toBe(1);

    const entry = await db.auditEntry.findFirstOrThrow({
      where: { itemType: "user", itemId: p.user.id, action: "user.delete" },
      select: { actorId: true, after: true },
    });
    expect(entry.actorId).toBe(p.user.id);
    expect(JSON.stringify(entry.after)).not.toMatch(new RegExp(`${p.user.email}|Wanjiru|Nairobi`));
  });

  it("keeps the submitted responses anonymised: no author, no organisation, neutral file names; drafts go", async () => {
    const p = await person();
    const citation = await createCitationOf(db, p.call.id, p.response);
    await deleteAccount(p.actor, { responses: "anonymise", confirmEmail: p.user.email });

    const kept = await db.response.findUniqueOrThrow({
      where: { id: p.response.id },
      select: {
        authorId: true,
        consent: true,
        organisation: true,
        onBehalfOf: true,
        country: true,
        stakeholderGroup: true,
        region: true,
        status: true,
        reference: true,
        versions: { select: { consent: true } },
        answers: { select: { text: true } },
        attachments: { select: { fileName: true, storageKey: true } },
      },
    });
    expect(kept).toMatchObject({
      authorId: null,
      consent: "PUBLISH_ANONYMOUS",
      organisation: null,
      onBehalfOf: null,
      country: null,
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      status: "SUBMITTED",
      versions: [{ consent: "PUBLISH_ANONYMOUS" }],
      answers: [{ text: "Norms need local champions." }],
    });
    expect(kept.attachments).toEqual([{ fileName: `${p.response.reference}-attachment-1.pdf`, storageKey: p.file.storageKey }]);
    expect(await exists(fileOf(p.file.storageKey))).toBe(true);
    expect(await db.response.count({ where: { id: p.draft.id } })).toBe(0);
    expect(await exists(fileOf(p.draftFile.storageKey))).toBe(false);
    expect(await db.user.count({ where: { id: p.user.id } })).toBe(0);
    expect(await db.citation.findUniqueOrThrow({ where: { id: citation.id }, select: { responseId: true } })).toEqual({
      responseId: p.response.id,
    });
  });

  it("leaves a private response private when anonymising", async () => {
    const p = await person();
    await db.response.update({ where: { id: p.response.id }, data: { consent: "PRIVATE" } });
    await deleteAccount(p.actor, { responses: "anonymise", confirmEmail: p.user.email });
    expect(await db.response.findUniqueOrThrow({ where: { id: p.response.id }, select: { consent: true } })).toEqual({
      consent: "PRIVATE",
    });
  });

  it("refuses a wrong confirmation and changes nothing", async () => {
    const p = await person();
    await expect(deleteAccount(p.actor, { responses: "remove", confirmEmail: "someone@else.example.org" })).rejects.toMatchObject(
      { kind: "invalid", fieldErrors: { confirmEmail: [{ code: "emailMismatch" }] } },
    );
    expect(await db.user.count({ where: { id: p.user.id } })).toBe(1);
    expect(await db.response.count({ where: { id: { in: [p.response.id, p.draft.id] } } })).toBe(2);
    expect(await exists(fileOf(p.file.storageKey))).toBe(true);
    expect(deleteAccountSchema.safeParse({ responses: "keep", confirmEmail: "a@b.c" }).success).toBe(false);
    expect(deleteAccountSchema.safeParse({ responses: "remove", confirmEmail: "  " }).success).toBe(false);
  });

  it("refuses the last administrator, and lets an administrator go while another remains", async () => {
    // Make this test's administrator the only one, and put the others back afterwards.
    const others = await db.user.findMany({ where: { role: "ADMIN" }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { role: "MODERATOR" } });
    try {
      const p = await person("ADMIN");
      await expect(deleteAccount(p.actor, { responses: "remove", confirmEmail: p.user.email })).rejects.toMatchObject({
        kind: "conflict",
        message: "lastAdminDelete",
      });
      expect(await db.user.count({ where: { id: p.user.id } })).toBe(1);
      expect(await db.response.count({ where: { id: p.response.id } })).toBe(1);

      await createUser(db, { role: "ADMIN" });
      await deleteAccount(p.actor, { responses: "anonymise", confirmEmail: p.user.email });
      expect(await db.user.count({ where: { id: p.user.id } })).toBe(0);
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((u) => u.id) } }, data: { role: "ADMIN" } });
    }
  });
});
