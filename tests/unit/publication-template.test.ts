// A forum's publication template (lib/forums: about, contact, logo) and a set's abstract on its final messages:
// only administrators set the logo, a PNG or JPEG that opens (checked by content, not by name), at most
// 512 KB; the old file goes when a new one comes; the final page's data, the PDF and the Markdown carry the
// logo, the abstract first, and "About <forum>" and the contact block after the figures.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { updateForum } from "@/lib/forums/forums";
import { readForumLogo, removeForumLogo, setForumLogo } from "@/lib/forums/logo";
import { getFinalMessages } from "@/lib/messages/final";
import { finalMarkdown } from "@/lib/messages/final-markdown";
import { finalPdf } from "@/lib/messages/final-pdf";
import { createFinalScenario } from "@/prisma/factories-final";
import { pdfFile, pngFile } from "../support/files";
import { flat, readPdf } from "../support/pdf-text";
import { actor, appointee } from "./helpers";

let uploadDir: string;
const siteUrl = process.env.NEXTAUTH_URL;
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-logo-unit-"));
  process.env.UPLOAD_DIR = uploadDir;
  process.env.NEXTAUTH_URL = "https://consult.example.org";
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
  if (siteUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = siteUrl;
  await disconnectDb();
});

const filesIn = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

describe("a forum's logo", () => {
  it("is set by administrators only, as a PNG or JPEG that opens, replacing the one before", async () => {
    const { forum } = await createFinalScenario(db);
    const admin = await actor("ADMIN");
    for (const who of [await appointee(forum.id, "FACILITATOR"), await actor("MODERATOR"), await actor()])
      await expect(setForumLogo(who, { forumId: forum.id, bytes: pngFile() })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(setForumLogo(admin, { forumId: forum.id, bytes: pdfFile() })).rejects.toMatchObject({ code: "logoType" });
    // A PNG signature over nothing that opens.
    const broken = Buffer.concat([pngFile().subarray(0, 16), Buffer.from("not an image at all")]);
    await expect(setForumLogo(admin, { forumId: forum.id, bytes: broken })).rejects.toMatchObject({ code: "logoType" });
    await expect(setForumLogo(admin, { forumId: forum.id, bytes: new Uint8Array() })).rejects.toMatchObject({ code: "logoType" });
    await expect(setForumLogo(admin, { forumId: forum.id, bytes: new Uint8Array(512 * 1024 + 1) })).rejects.toMatchObject({
      code: "logoTooLarge",
      params: { max: 512 },
    });
    await expect(setForumLogo(admin, { forumId: "no-such-forum", bytes: pngFile() })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(await readForumLogo(forum.id)).toBeNull();

    await setForumLogo(admin, { forumId: forum.id, bytes: pngFile(40, 20) });
    const second = pngFile(80, 30, [200, 30, 30]);
    await setForumLogo(admin, { forumId: forum.id, bytes: second });
    const logo = await readForumLogo(forum.id);
    expect(logo?.type).toBe("image/png");
    expect(Buffer.compare(logo!.bytes, second)).toBe(0);
    expect((await filesIn(uploadDir)).length).toBe(1); // the first one's file is gone
    expect(await db.auditEntry.count({ where: { itemId: forum.id, action: "forum.logo" } })).toBe(2);

    await removeForumLogo(admin, forum.id);
    expect(await readForumLogo(forum.id)).toBeNull();
    expect((await filesIn(uploadDir)).length).toBe(0);
    await expect(removeForumLogo(admin, forum.id)).rejects.toMatchObject({ code: "logoMissing" });
  });
});

describe("the final messages with the forum's publication template", () => {
  it("carry the logo and the abstract first, then 'About' and the contact after the figures", async () => {
    const scenario = await createFinalScenario(db);
    const admin = await actor("ADMIN");
    const forum = await db.forum.findUniqueOrThrow({ where: { id: scenario.forum.id } });
    await updateForum(admin, {
      forumId: forum.id,
      revision: forum.revision,
      name: forum.name,
      slug: forum.slug,
      kind: forum.kind,
      description: forum.description,
      contactEmail: forum.contactEmail,
      facilitatorsMayAppoint: false,
      publicationAbout: "The **Best Practice Forum** gathers experience from all stakeholder groups.",
      publicationContact: "IGF Secretariat\nPalais des Nations, Geneva\nigf@un.org",
    });
    await setForumLogo(admin, { forumId: forum.id, bytes: pngFile() });
    await db.messageSet.update({
      where: { id: scenario.set.id },
      data: { abstract: "Capacity building, incident reporting and cooperation, in three sections." },
    });
    const final = (await getFinalMessages(scenario.set.slug))!;
    expect(final.publication).toMatchObject({
      about: expect.stringContaining("Best Practice Forum"),
      contact: expect.stringContaining("Palais des Nations"),
      logo: expect.stringMatching(new RegExp(`^/api/forums/${forum.id}/logo\\?v=\\d+$`)),
    });

    const md = finalMarkdown(final);
    expect(md.startsWith(`![Logo of ${forum.name}](https://consult.example.org/api/forums/${forum.id}/logo?v=`)).toBe(true);
    expect(md.indexOf("## Abstract")).toBeLessThan(md.indexOf("## Capacity building"));
    expect(md).toContain("Capacity building, incident reporting and cooperation, in three sections.");
    const about = md.indexOf(`## About ${forum.name}`);
    expect(about).toBeGreaterThan(md.indexOf("## Participation"));
    expect(md).toContain("The **Best Practice Forum** gathers");
    expect(md).toContain("## Contact\n\nIGF Secretariat  \nPalais des Nations, Geneva  \nigf@un.org");

    const bytes = await finalPdf(final);
    expect(bytes.toString("latin1")).toContain("/Subtype /Image"); // the logo, drawn
    const pdf = await readPdf(bytes);
    const text = flat(pdf.text);
    expect(text).toContain("Abstract");
    expect(text).toContain("Capacity building, incident reporting and cooperation");
    expect(text).toContain(`About ${forum.name}`);
    expect(text).toContain("Palais des Nations, Geneva");
    expect(text.indexOf("Abstract")).toBeLessThan(text.indexOf(scenario.finalText.first));
  });
});
