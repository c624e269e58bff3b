// Exports: RFC 4180 CSV with formula protection; moderators get every submitted or withdrawn response with
// all columns; the public gets only what lib/responses/public.ts publishes (checked on the whole text);
// keyset streaming returns every row once, in order; JSON parses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { BOM, csvField, csvRow } from "@/lib/exports/csv";
import { moderatorDataset, publicDataset } from "@/lib/exports/exports";
import { exportStream, type ExportFormat } from "@/lib/exports/stream";
import { createCall, createResponse, createUser } from "@/prisma/factories";
import { csvObjects, parseCsv } from "@/tests/support/csv-parse";
import { exportScenario, readAll } from "./exports-scenario";
import { actor } from "./helpers";

afterAll(disconnectDb);

describe("CSV cells", () => {
  it("quotes fields with a comma, quote or line break, doubles quotes and ends records with CRLF", () => {
    expect(csvRow(["plain", "a,b", 'say "hi"', "two\nlines", "cr\rhere", null, 42])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\rhere",,42\r\n',
    );
    expect(csvField(["Yes", "Partly"])).toBe("Yes; Partly");
    expect(BOM).toBe("\uFEFF");
  });

  it("defuses cells a spreadsheet would run as a formula, and only those", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(parseCsv(csvRow([`${start}SUM(A1:A9)`]))[0]![0]).toBe(`'${start}SUM(A1:A9)`);
    }
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField(-3)).toBe("-3"); // a number is data, not a formula
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(["=evil", "ok"])).toBe("'=evil; ok");
  });
});

describe("exports of a call", () => {
  let s: Awaited<ReturnType<typeof exportScenario>>;
  beforeAll(async () => {
    s = await exportScenario();
  });

  const text = async (dataset: Parameters<typeof exportStream>[0], format: ExportFormat) =>
    readAll(exportStream(dataset, format));

  it("gives moderators every submitted or withdrawn response with all columns, private ones included, drafts not", async () => {
    const { dataset } = await moderatorDataset(await actor("MODERATOR"), s.call.id, "responses");
    const csv = await text(dataset, "csv");
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = csvObjects(csv);
    const { named, anonymous, private: hidden, pending, withdrawn, draft } = s.responses;
    expect(rows.map((row) => row.reference)).toEqual(
      [named, anonymous, hidden, pending, s.responses.hidden, withdrawn].map((r) => r.reference),
    );
    expect(csv).not.toContain(draft.marker);
    expect(Object.keys(rows[0]!)).toEqual([
      "reference",
      "submittedAt",
      "status",
      "moderationState",
      "consent",
      "channel",
      "stakeholderGroup",
      "region",
      "country",
      "organisation",
      "onBehalfOf",
      "name",
      "clusterId",
      "clusterSize",
      "tags",
      "Q1. What are typical norms in your community?",
      "Q2. Which apply?",
    ]);
    const privateRow = rows.find((row) => row.reference === hidden.reference)!;
    expect(privateRow).toMatchObject({
      status: "SUBMITTED",
      moderationState: "PUBLISHED",
      consent: "PRIVATE",
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      country: "KE",
      organisation: hidden.organisation,
      onBehalfOf: `Coalition ${hidden.marker}`,
      name: hidden.name,
      clusterId: s.cluster.id,
      clusterSize: "2",
      tags: s.tag.name,
      "Q1. What are typical norms in your community?": hidden.answer,
      "Q2. Which apply?": "Yes; Partly",
    });
    expect(rows.find((row) => row.reference === pending.reference)!.moderationState).toBe("PENDING");
    expect(rows.find((row) => row.reference === withdrawn.reference)!.status).toBe("WITHDRAWN");
    // Quoting survives a round trip; a formula is defused in CSV and kept exact in JSON.
    expect(rows[0]!["Q1. What are typical norms in your community?"]).toBe(named.answer);
    expect(rows[1]!["Q1. What are typical norms in your community?"]).toBe(`'${anonymous.answer}`);
    const json = JSON.parse(await text(dataset, "json")) as { columns: { key: string }[]; rows: Record<string, unknown>[] };
    expect(json.rows).toHaveLength(6);
    expect(json.rows[1]).toMatchObject({ reference: anonymous.reference, q1: anonymous.answer, q2: ["Yes", "Partly"], tags: [] });
  });

  it("gives the public only published, consented responses, and no anonymous author's identity anywhere", async () => {
    const { named, anonymous } = s.responses;
    const excluded = (["private", "pending", "hidden", "withdrawn", "draft"] as const).map((kind) => s.responses[kind]);
    for (const format of ["csv", "json"] as const) {
      const responses = await text((await publicDataset(s.call.slug, "responses")).dataset, format);
      const messages = await text((await publicDataset(s.call.slug, "message-sets")).dataset, format);
      for (const output of [responses, messages]) {
        for (const response of excluded) {
          expect(output).not.toContain(response.marker);
          if (response.reference) expect(output).not.toContain(response.reference);
        }
        for (const secret of [anonymous.name, anonymous.organisation, `Coalition ${anonymous.marker}`, "KE"]) {
          expect(output).not.toContain(secret);
        }
      }
      expect(responses).toContain(named.name);
      expect(responses).toContain(named.organisation);
    }
    const rows = csvObjects(await text((await publicDataset(s.call.slug, "responses")).dataset, "csv"));
    expect(rows.map((row) => row.reference)).toEqual([named.reference, anonymous.reference]);
    expect(rows[1]).toMatchObject({ consent: "PUBLISH_ANONYMOUS", name: "", organisation: "", onBehalfOf: "" });
    expect(Object.keys(rows[0]!)).not.toContain("tags");
    expect(Object.keys(rows[0]!)).not.toContain("country");
  });

  it("exports the latest published version of published message sets; a citation of an unpublished response keeps only group and region", async () => {
    const rows = csvObjects(await text((await publicDataset(s.call.slug, "message-sets")).dataset, "csv"));
    expect(rows.map((row) => [row.set, row.version, row.section, row.paragraph, row.reference, row.quote])).toEqual([
      [s.published.slug, "1", "1", "1", s.responses.named.reference, "he said"],
      [s.published.slug, "1", "1", "1", "", ""],
      [s.published.slug, "1", "1", "2", "", ""],
    ]);
    expect(rows[1]).toMatchObject({
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      paragraphText: "Norms need all stakeholder groups.",
    });
    const moderator = await moderatorDataset(await actor("MODERATOR"), s.call.id, "message-sets");
    const all = csvObjects(await text(moderator.dataset, "csv"));
    expect(all.filter((row) => row.set === s.draftSet.slug)).toHaveLength(1);
    expect(all.find((row) => row.reference === s.responses.private.reference)?.quote).toBe(s.responses.private.answer);
  });

  it("exports excerpts for moderators with tags, note and whether the source still reads the same", async () => {
    const moderator = await actor("MODERATOR");
    const read = async () => csvObjects(await text((await moderatorDataset(moderator, s.call.id, "excerpts")).dataset, "csv"));
    expect(await read()).toEqual([
      expect.objectContaining({
        reference: s.responses.private.reference,
        questionPosition: "1",
        quote: "Answer",
        start: "0",
        end: "6",
        note: "Strong point",
        tags: s.tag.name,
        sourceStatus: "unchanged",
      }),
    ]);
    await db.answer.update({
      where: { responseId_questionId: { responseId: s.responses.private.id, questionId: s.questions.text.id } },
      data: { text: "Rewritten entirely." },
    });
    expect((await read())[0]!.sourceStatus).toBe("changed");
  });

  it("refuses a public export of an unpublished call", async () => {
    const call = await createCall(db, { publishedAt: null });
    await expect(publicDataset(call.slug, "responses")).rejects.toMatchObject({ kind: "not_found" });
  });
});

describe("streaming", () => {
  it("reads several keyset batches and gives every row exactly once, in (submittedAt, id) order, ties included", async () => {
    const call = await createCall(db);
    const at = new Date(Date.now() - 3600_000);
    for (let i = 0; i < 7; i++) {
      const user = await createUser(db);
      // Three responses share one instant: the id breaks the tie across a batch boundary.
      await createResponse(db, {
        callId: call.id,
        authorId: user.id,
        status: "SUBMITTED",
        submittedAt: new Date(at.getTime() + (i < 3 ? 0 : i) * 1000),
      });
    }
    const expected = await db.response.findMany({
      where: { callId: call.id },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      select: { reference: true },
    });
    const { dataset } = await moderatorDataset(await actor("MODERATOR"), call.id, "responses", { batchSize: 2 });
    let batches = 0;
    const counted = {
      ...dataset,
      batches: async function* () {
        for await (const rows of dataset.batches()) {
          batches++;
          yield rows;
        }
      },
    };
    const csvRows = csvObjects(await readAll(exportStream(counted, "csv")));
    expect(csvRows.map((row) => row.reference)).toEqual(expected.map((row) => row.reference));
    expect(batches).toBe(4);
    const json = JSON.parse(await readAll(exportStream(dataset, "json"))) as { rows: { reference: string }[] };
    expect(json.rows.map((row) => row.reference)).toEqual(expected.map((row) => row.reference));
  });

  it("writes valid JSON and a header-only CSV for an empty dataset", async () => {
    const call = await createCall(db);
    const { dataset } = await moderatorDataset(await actor("MODERATOR"), call.id, "excerpts");
    expect(JSON.parse(await readAll(exportStream(dataset, "json")))).toMatchObject({ rows: [] });
    expect(parseCsv(await readAll(exportStream(dataset, "csv")))).toHaveLength(1);
  });
});
