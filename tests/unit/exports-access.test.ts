// Who may open which export, and what a bad file name gets: a visitor and a stakeholder are refused a
// moderator export (nothing recorded), an unknown call or dataset is not found, an unknown format is
// invalid; a moderator's download is in the audit log; excerpts are never public.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { listModeratorExports, openModeratorExport, openPublicExport } from "@/lib/exports/exports";
import { MODERATOR_DATASETS, parseExportFile, PUBLIC_DATASETS } from "@/lib/exports/schemas";
import { createCall } from "@/prisma/factories";
import { csvObjects } from "@/tests/support/csv-parse";
import { exportScenario, readAll } from "./exports-scenario";
import { actor } from "./helpers";

afterAll(disconnectDb);

const downloads = (callId: string) => db.auditEntry.count({ where: { callId, action: "export.download" } });

describe("export file names", () => {
  it("accepts a known dataset in csv or json, and tells an unknown dataset (404) from an unknown format (400)", () => {
    expect(parseExportFile("responses.csv", MODERATOR_DATASETS)).toEqual({ dataset: "responses", format: "csv" });
    expect(parseExportFile("message-sets.JSON", PUBLIC_DATASETS)).toEqual({ dataset: "message-sets", format: "json" });
    for (const file of ["comments.csv", "excerpts.csv", "../responses.csv", "x".repeat(300)]) {
      expect(() => parseExportFile(file, PUBLIC_DATASETS)).toThrow(expect.objectContaining({ kind: "not_found" }));
    }
    for (const file of ["responses.xlsx", "responses", "responses.", "responses.csv.exe"]) {
      expect(() => parseExportFile(file, MODERATOR_DATASETS), file).toThrow(expect.objectContaining({ kind: "invalid" }));
    }
  });
});

describe("moderator exports", () => {
  it("refuses a visitor and a stakeholder, and records nothing", async () => {
    const call = await createCall(db);
    await expect(openModeratorExport(null, call.id, "responses.csv")).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(openModeratorExport(await actor("STAKEHOLDER"), call.id, "responses.csv")).rejects.toMatchObject({
      kind: "forbidden",
    });
    await expect(listModeratorExports(await actor("STAKEHOLDER"), call.id)).rejects.toMatchObject({ kind: "forbidden" });
    expect(await downloads(call.id)).toBe(0);
  });

  it("answers not found for an unknown call", async () => {
    const moderator = await actor("MODERATOR");
    await expect(openModeratorExport(moderator, "no-such-call", "responses.csv")).rejects.toMatchObject({ kind: "not_found" });
    await expect(listModeratorExports(moderator, "no-such-call")).rejects.toMatchObject({ kind: "not_found" });
  });

  it("streams the file with a dated name, records the download, and lists the datasets with their row counts", async () => {
    const s = await exportScenario();
    const moderator = await actor("MODERATOR");
    const opened = await openModeratorExport(moderator, s.call.id, "responses.csv");
    expect(opened.fileName).toMatch(new RegExp(`^${s.call.slug}-responses-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(opened.contentType).toContain("text/csv");
    expect(csvObjects(await readAll(opened.body))).toHaveLength(6);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { callId: s.call.id, action: "export.download" },
      select: { actorId: true, actorRole: true, after: true },
    });
    expect(entry).toEqual({ actorId: moderator.id, actorRole: "MODERATOR", after: { dataset: "responses", format: "csv" } });
    const listing = await listModeratorExports(moderator, s.call.id);
    // Message sets: 2 citations + 1 bare paragraph in the published set, 1 citation in the draft.
    expect(listing.datasets).toEqual([
      { dataset: "responses", rows: 6 },
      { dataset: "excerpts", rows: 1 },
      { dataset: "message-sets", rows: 4 },
    ]);
  });
});

describe("public exports", () => {
  it("offers responses and message sets of a published call only, never excerpts", async () => {
    const s = await exportScenario();
    const opened = await openPublicExport(s.call.slug, "responses.json");
    expect(opened.fileName).toMatch(/-published-responses-.*\.json$/);
    expect((JSON.parse(await readAll(opened.body)) as { rows: unknown[] }).rows).toHaveLength(2);
    await expect(openPublicExport(s.call.slug, "excerpts.csv")).rejects.toMatchObject({ kind: "not_found" });
    await expect(openPublicExport("no-such-call", "responses.csv")).rejects.toMatchObject({ kind: "not_found" });
    const draft = await createCall(db, { publishedAt: null });
    await expect(openPublicExport(draft.slug, "responses.csv")).rejects.toMatchObject({ kind: "not_found" });
  });
});
