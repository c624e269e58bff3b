// Display spoofing (issue 11, item 7): names and organisations lose bidi controls and invisible characters,
// in the profile schema (form and server) and in the migration that cleans what was stored before.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { profileInputSchema } from "@/lib/profile/schemas";
import { stripInvisible } from "@/lib/validation/display";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";

afterAll(disconnectDb);

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The issue's list, and the other invisible or directional characters we remove with it. */
const REMOVED = [
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  0x200b,
  0x200e,
  0x200f,
  0xfeff,
  0x061c,
  ...range(0x2060, 0x2064),
];
const JOINERS = [0x200c, 0x200d];

describe("stripInvisible", () => {
  it.each(REMOVED.map((code) => [hex(code), code]))("removes %s anywhere", (_, code) => {
    const c = String.fromCodePoint(code);
    expect(stripInvisible(`${c}Ali${c}ce${c}`)).toBe("Alice");
    expect(stripInvisible(`علی${c}رضا`)).toBe("علیرضا");
    expect(stripInvisible(`${c}Acme${c} Ltd`)).toBe("Acme Ltd");
  });

  it.each(JOINERS.map((code) => [hex(code), code]))(
    "removes %s at the ends, in Latin text, beside spaces and in runs",
    (_, code) => {
      const c = String.fromCodePoint(code);
      expect(stripInvisible(`${c}Alice${c}`)).toBe("Alice");
      expect(stripInvisible(`Ali${c}ce`)).toBe("Alice");
      expect(stripInvisible(`Acme ${c}Ltd`)).toBe("Acme Ltd");
      expect(stripInvisible(`می${c}${c}خواهم`)).toBe("میخواهم");
      expect(stripInvisible(`${c}می`)).toBe("می");
    },
  );

  it("keeps ordinary text, Persian and Indic joiners inside words, and emoji sequences", () => {
    for (const text of [
      "Amina Diallo",
      "José Ñúñez-O'Brien",
      "Zoë & Co. (Pty) Ltd",
      "مؤسسة الحقوق الرقمية",
      "李小龍",
      "Ελληνικά",
      "می\u200Cخواهم", // Persian "I want": ZWNJ between letters
      "क्\u200Dष", // Devanagari: ZWJ after virama picks a half form
      "👩\u200D💻 Developers",
      "❤️\u200D🔥",
      "👩🏽\u200D💻",
    ])
      expect(stripInvisible(text)).toBe(text);
  });
});

describe("profile schema", () => {
  const valid = { stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA", country: "KE" };

  it("strips names, organisations and 'on behalf of' before trimming and checking them", () => {
    expect(
      profileInputSchema.parse({
        ...valid,
        displayName: " \u202EAmina\u200B Diallo\u2066 ",
        organisation: "\uFEFFRights\u202D Network",
        onBehalfOf: "\u200F\u200E",
      }),
    ).toMatchObject({ displayName: "Amina Diallo", organisation: "Rights Network", onBehalfOf: null });
  });

  it("refuses a name made only of invisible characters as empty", () => {
    const result = profileInputSchema.safeParse({ ...valid, displayName: "\u202E\u200B\u2066\uFEFF" });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["displayName", "required"],
    ]);
  });
});

describe("the migration that cleans stored names", () => {
  // Statements of the migration, run again on rows made the way old data was (straight into the database).
  const sql = readFileSync(
    path.join(process.cwd(), "prisma/migrations/20261202044000_strip_invisible_from_names/migration.sql"),
    "utf8",
  );
  const statements = sql
    .replace(/^--.*$/gm, "")
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);

  it("cleans profiles and the copies on responses, keeping Persian joiners", async () => {
    const spoofed = await createUser(db, {
      profile: {
        displayName: "\u202EAmina\u200B Diallo\u2066",
        organisation: "\uFEFFRights\u202D Network\u200D",
        onBehalfOf: "\u200F",
      },
    });
    const persian = await createUser(db, { profile: { displayName: "زهرا می\u200Cخواهم", organisation: "کانون\u200Cها" } });
    const empty = await createUser(db, { profile: { displayName: "\u202E\u200B" } });
    const call = await createCall(db);
    const question = await createQuestion(db, { callId: call.id });
    await createResponse(db, {
      callId: call.id,
      authorId: spoofed.id,
      status: "SUBMITTED",
      answers: [{ questionId: question.id, text: "x" }],
    });

    for (const statement of statements) await db.$executeRawUnsafe(statement);

    const profile = (userId: string) =>
      db.profile.findUniqueOrThrow({ where: { userId }, select: { displayName: true, organisation: true, onBehalfOf: true } });
    expect(await profile(spoofed.id)).toEqual({ displayName: "Amina Diallo", organisation: "Rights Network", onBehalfOf: null });
    expect(await profile(persian.id)).toEqual({
      displayName: "زهرا می\u200Cخواهم",
      organisation: "کانون\u200Cها",
      onBehalfOf: null,
    });
    expect((await profile(empty.id)).displayName).toBe("-");
    expect(
      await db.response.findFirstOrThrow({ where: { authorId: spoofed.id }, select: { organisation: true, onBehalfOf: true } }),
    ).toEqual({ organisation: "Rights Network", onBehalfOf: null });
  });
});
