import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getPublicParticipation } from "@/lib/insights/participation";
import { getFinalMessages, type FinalMessages } from "@/lib/messages/final";
import { finalDownload } from "@/lib/messages/final-download";
import { escapeMarkdown, finalMarkdown } from "@/lib/messages/final-markdown";
import { finalPdf } from "@/lib/messages/final-pdf";
import { createCall } from "@/prisma/factories";
import { createFinalScenario, createPublishedSet } from "@/prisma/factories-final";
import { flat, readPdf } from "../support/pdf-text";

const siteUrl = process.env.NEXTAUTH_URL;
afterAll(async () => {
  if (siteUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = siteUrl;
  await disconnectDb();
});

let scenario: Awaited<ReturnType<typeof createFinalScenario>>;
let final: FinalMessages;
beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://consult.example.org/";
  scenario = await createFinalScenario(db);
  final = (await getFinalMessages(scenario.set.slug))!;
});

const get = (slug: string, file: string, headers: HeadersInit = {}) =>
  finalDownload(new Request(`https://consult.example.org/messages/${slug}/download/${file}`, { headers }), slug, file);

describe("getFinalMessages", () => {
  it("gives the final version's frozen text, numbered, with its date and call", () => {
    expect(final.title).toBe(`Final messages on cybersecurity ${scenario.set.slug.replace("final-messages-", "")}`);
    expect(final.version.number).toBe(2);
    expect(final.finalisedAt.getTime()).toBe(scenario.finalisedAt.getTime());
    expect(final.sections.map((s) => s.heading)).toEqual(["Capacity building", "Cooperation"]);
    expect(final.sections.flatMap((s) => s.paragraphs.map((p) => [p.number, p.body]))).toEqual([
      [1, scenario.finalText.first],
      [2, scenario.finalText.second],
      [3, scenario.finalText.third],
    ]);
    expect(final.callDetails).toEqual({
      slug: scenario.call.slug,
      title: scenario.call.title,
      thematicTrack: "Security, Safety, Stability and Resilience",
      forumName: scenario.forum.name,
    });
    // Sources as the published page gives them: the hidden response is listed without any detail.
    const [first] = final.sections[0]!.paragraphs;
    expect(first!.sources).toEqual([
      {
        available: true,
        reference: scenario.responses.zoe.reference,
        // She agreed to be named: the source is cited by her name and organisation.
        author: expect.objectContaining({ name: scenario.responses.zoe.name, onBehalfOf: null }),
        stakeholderGroup: "CIVIL_SOCIETY",
        region: "AFRICA",
        quote: "must reach small CERTs",
        signatories: null,
      },
      { available: false, removed: false },
    ]);
  });

  it("is null for a published set that is not final, an unknown slug, and a FINAL set without a finalised version", async () => {
    const published = await createPublishedSet(db, scenario.call.id);
    expect(await getFinalMessages(published.slug)).toBeNull();
    expect(await getFinalMessages("no-such-messages")).toBeNull();
    await db.messageSet.update({ where: { id: published.id }, data: { status: "FINAL" } });
    expect(await getFinalMessages(published.slug)).toBeNull();
  });

  it("names contributors only with their consent and counts the others", () => {
    const c = final.contributors!;
    const { zoe, dmitry } = scenario.responses;
    expect(c.named.map((p) => p.name)).toEqual([zoe.name, dmitry.name].sort((a, b) => a.localeCompare(b)));
    expect(c.named.find((p) => p.name === dmitry.name)).toMatchObject({
      organisation: "Ministry of Digital Development",
      onBehalfOf: "Working Group on CERTs",
      stakeholderGroup: "GOVERNMENT",
      reference: dmitry.reference,
    });
    // 1 anonymous + 5 from the crowd; private is only in the total; hidden and withdrawn nowhere.
    expect(c.anonymousCount).toBe(6);
    expect(c.total).toBe(9);
    expect(c.notPublishedCount).toBe(1);
    const everything = JSON.stringify(final);
    for (const hiddenName of [
      "Anonymous Author",
      "Private Author",
      "Hidden Author",
      "Withdrawn Author",
      "Crowd Author",
      "Anonymous Commenter",
      "Hidden Commenter",
    ])
      expect(everything).not.toContain(hiddenName);
    expect(everything).not.toContain(scenario.responses.hidden.reference);
  });

  it("names commenters once, only for published comments under their name", () => {
    expect(final.commenters.map((p) => p.name)).toEqual([scenario.commenters.named]);
    // 2 named + 1 anonymous published comments; the hidden one is not counted.
    expect(final.comments.total).toBe(3);
    expect(final.comments.groups.GOVERNMENT).toBeNull(); // 1: fewer than 5
    expect(final.comments.groups.PRIVATE_SECTOR).toBe(0);
  });

  it("gives participation by group and region with small cells suppressed, as the participation page", async () => {
    const { table } = final.participation!;
    expect(table).toEqual((await getPublicParticipation(scenario.call.slug))!.table);
    expect(table.total).toBe(9);
    expect(table.rowTotals.TECHNICAL_COMMUNITY).toBe(0); // hidden: not counted
    expect(table.cells.CIVIL_SOCIETY.AFRICA).toBe(6);
    expect(table.cells.GOVERNMENT.EASTERN_EUROPE).toBeNull();
    expect(table.cells.ACADEMIA.ASIA_PACIFIC).toBeNull(); // the private response counts, unnamed
    expect(table.cells.GOVERNMENT.AFRICA).toBe(0); // withdrawn: not counted
    expect(table.rowTotals.CIVIL_SOCIETY).toBe(6);
    expect(table.cells.PRIVATE_SECTOR.EASTERN_EUROPE).toBeNull();
    expect(table.rowTotals.GOVERNMENT).toBeNull();
  });
});

describe("a final set of a call that is not public", () => {
  it("shows neither contributors nor figures of the call", async () => {
    const other = await createFinalScenario(db, { extraAnonymous: 0 });
    await db.call.update({ where: { id: other.call.id }, data: { publishedAt: null } });
    const set = (await getFinalMessages(other.set.slug))!;
    expect(set.callDetails).toBeNull();
    expect(set.contributors).toBeNull();
    expect(set.participation).toBeNull();
    const md = finalMarkdown(set);
    expect(md).toContain("The call these messages come from is not public");
    expect(md).not.toContain(other.responses.zoe.name);
    expect(md).not.toContain(other.call.title);
  });
});

describe("the Markdown file", () => {
  it("has the final paragraphs in order, numbered, with absolute source links and escaped names", () => {
    const md = finalMarkdown(final);
    expect(md.startsWith(`# ${final.title}\n`)).toBe(true);
    expect(md).toContain("## About these messages");
    const positions = [scenario.finalText.first, scenario.finalText.second, scenario.finalText.third].map((text, i) =>
      md.indexOf(`**${i + 1}\\.** ${text}`),
    );
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md.indexOf("## Capacity building")).toBeLessThan(positions[0]!);
    expect(md).toContain(`](https://consult.example.org/responses/${scenario.responses.zoe.reference})`);
    expect(md).toContain("Source no longer available");
    // The organisation "*Nordic* [Net](javascript:alert(1)) Foundation …" stays text, not emphasis or a link.
    expect(md).toContain("\\*Nordic\\* \\[Net\\]\\(javascript:alert\\(1\\)\\) Foundation");
    expect(md).not.toContain("](javascript:");
    expect(md).toContain(scenario.responses.dmitry.name);
    expect(md).toContain("| Total | 3 |"); // published comments
    expect(md).toContain("| Civil Society | 6 | 0 | 0 | 0 | 0 | 6 |");
    expect(md).toContain("| Government | 0 | 0 | fewer than 5 | 0 | 0 | fewer than 5 |");
    expect(md).not.toContain("Anonymous Author");
    expect(md).toContain("## Sources");
  });

  it("gives each paragraph its note numbers and lists the notes after its section, or in an annex as the set chose", () => {
    const md = finalMarkdown(final);
    const sections = final.sections.map((section) => md.indexOf(`## ${section.heading}`));
    const firstNotes = md.indexOf("**Notes**");
    // Paragraph 1 cites notes 1 and 2; its section's notes follow its paragraphs, before the next section.
    expect(md).toContain("*Sources: notes 1–2*");
    expect(firstNotes).toBeGreaterThan(md.indexOf(`**1\\.** ${scenario.finalText.first}`));
    if (sections[1] !== undefined && sections[1] > 0) expect(firstNotes).toBeLessThan(sections[1]);
    expect(md).toMatch(new RegExp(`\\n1\\. .*\\[${scenario.responses.zoe.reference}\\]`));
    expect(md).toContain("No source is cited for this paragraph.");
    // A quote is written once, in its note, not under the paragraph too.
    const quote = final.sections
      .flatMap((s) => s.paragraphs)
      .flatMap((p) => p.sources)
      .find((source) => source.quote)!.quote!;
    expect(md.split(escapeMarkdown(quote)).length - 1).toBe(1);
    expect(md).not.toContain("Annex");

    const annexed = finalMarkdown({ ...final, sourceNotes: "ANNEX" });
    expect(annexed).toContain("*Sources: annex, notes 1–2*");
    expect(annexed).not.toContain("**Notes**");
    const annex = annexed.indexOf("## Annex: the sources of the paragraphs");
    expect(annex).toBeGreaterThan(annexed.indexOf(`**3\\.** ${scenario.finalText.third}`));
    expect(annexed.indexOf(`[${scenario.responses.zoe.reference}]`)).toBeGreaterThan(annex);
    expect(annexed.indexOf("## Annex")).toBeLessThan(annexed.indexOf("## Contributors"));
  });

  it("escapes Markdown in plain text", () => {
    expect(escapeMarkdown("1. *a* [b](c) <d> #e")).toBe("1\\. \\*a\\* \\[b\\]\\(c\\) \\<d\\> \\#e");
    expect(escapeMarkdown("- list\nnext")).toBe("\\- list next");
  });
});

describe("the PDF", () => {
  it("holds the final text, non-ASCII names, links to the sources, page numbers and metadata", async () => {
    const pdf = await readPdf(await finalPdf(final));
    const text = flat(pdf.text);
    expect(text).toContain(final.title);
    for (const body of [scenario.finalText.first, scenario.finalText.third]) expect(text).toContain(body);
    expect(text).toContain(scenario.finalText.second.replace(/\*\*/g, "")); // bold drawn, not its asterisks
    expect(text).toContain(scenario.responses.zoe.name);
    expect(text).toContain(scenario.responses.dmitry.name);
    expect(text).toContain(scenario.commenters.named);
    expect(text).toContain("About these messages");
    expect(text).not.toContain("Anonymous Author");
    expect(text).not.toContain("Private Author");
    expect(pdf.numPages).toBeGreaterThanOrEqual(2);
    expect(pdf.numPages).toBeLessThan(10);
    expect(flat(pdf.pages[0]!)).toContain(`Page 1 of ${pdf.numPages}`);
    expect(pdf.links).toContain(`https://consult.example.org/responses/${scenario.responses.zoe.reference}`);
    expect(pdf.info).toMatchObject({ Title: final.title, Author: `IGF ${scenario.forum.name}`, Language: "en" });
    expect(String(pdf.info.Subject)).toContain(scenario.call.title);
    expect(text).toContain("Sources: notes 1–2");
    expect(text).toContain("Notes");
  });

  it("lists the notes in an annex at the end when the set chose it", async () => {
    const text = flat((await readPdf(await finalPdf({ ...final, sourceNotes: "ANNEX" }))).text);
    expect(text).toContain("Sources: annex, notes 1–2");
    const annex = text.indexOf("Annex: the sources of the paragraphs");
    expect(annex).toBeGreaterThan(text.indexOf(scenario.finalText.third));
    expect(text.indexOf(scenario.responses.zoe.reference, annex)).toBeGreaterThan(annex);
  });
});

describe("the download route", () => {
  it("sends the PDF and the Markdown as attachments with an ETag, and a 304 when it is unchanged", async () => {
    const pdf = await get(final.slug, "final.pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${final.slug}-final.pdf"`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(flat((await readPdf(bytes)).text)).toContain(scenario.finalText.first);

    const md = await get(final.slug, "final.md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toBe(`attachment; filename="${final.slug}-final.md"`);
    expect(await md.text()).toContain(scenario.finalText.third);
    expect((await get(final.slug, "final.pdf")).headers.get("etag")).toBe(pdf.headers.get("etag")); // the same document
    const etag = md.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(final.slug, "final.md", { "If-None-Match": etag })).status).toBe(304);
  });

  it("is a plain 404 for a set that is not final, a draft set, an unknown slug or file", async () => {
    const call = await createCall(db);
    const published = await createPublishedSet(db, call.id);
    for (const [slug, file] of [
      [published.slug, "final.pdf"],
      [published.slug, "final.md"],
      ["no-such-messages", "final.pdf"],
      [final.slug, "final.docx"],
      [final.slug, "draft.pdf"],
    ]) {
      const response = await get(slug!, file!);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });

  it("leaves a withdrawn consent out at once", async () => {
    await db.response.update({ where: { id: scenario.responses.dmitry.id }, data: { consent: "PUBLISH_ANONYMOUS" } });
    const before = (await get(final.slug, "final.pdf")).headers.get("etag");
    await db.response.update({ where: { id: scenario.responses.zoe.id }, data: { consent: "PUBLISH_ANONYMOUS" } });
    const pdfResponse = await get(final.slug, "final.pdf");
    expect(pdfResponse.headers.get("etag")).not.toBe(before);
    const pdfText = flat((await readPdf(new Uint8Array(await pdfResponse.arrayBuffer()))).text);
    expect(pdfText).not.toContain(scenario.responses.zoe.name);
    expect(pdfText).toContain(scenario.finalText.first);
    await db.response.update({ where: { id: scenario.responses.zoe.id }, data: { consent: "PUBLISH_NAMED" } });
    const md = await (await get(final.slug, "final.md")).text();
    expect(md).not.toContain(scenario.responses.dmitry.name);
    expect(md).toContain(scenario.responses.zoe.name.replace(/\s+/g, " "));
  });
});
