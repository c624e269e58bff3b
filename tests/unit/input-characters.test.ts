// Issue 11, item 2: NUL, lone surrogates and non-characters are refused once, by the shared string schema
// (a field message, the rest of the form kept) and by the request guard before routing (400/404/405, never
// a 500 from PostgreSQL or from Next.js's own decoding).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { signInSchema } from "@/lib/auth/schemas";
import { callInputSchema } from "@/lib/calls/schemas";
import { commentInputSchema } from "@/lib/comments/schemas";
import { paragraphAddSchema } from "@/lib/messages/schemas";
import { reportInputSchema } from "@/lib/moderation/schemas";
import { profileInputSchema } from "@/lib/profile/schemas";
import { publicResponseQuerySchema } from "@/lib/responses/public-schemas";
import { buildSubmissionSchema } from "@/lib/responses/schemas";
import { hasInvalidCharacters, isInvalidTextError, text, withoutInvalidCharacters } from "@/lib/validation/text";

afterAll(disconnectDb);

const REFUSED = {
  nul: "a\u0000b",
  loneHigh: "a\uD800b",
  loneLow: "a\uDC00b",
  reversedPair: "\uDC00\uD800",
  fffe: "a\uFFFEb",
  ffff: "a\uFFFFb",
  arabicNonCharacter: "a\uFDD0b",
  lastOfPlane1: "a\u{1FFFF}b",
  lastCodePoint: "a\u{10FFFF}b",
};
const ACCEPTED = ["Amina Diallo", "Zoë Ñandú", "東京", "😀 👩🏽‍💻", "\uFFFD", "tab\tand\nnew line", "\u{10FFFD}", ""];

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));

describe("the character rule", () => {
  it("refuses NUL, lone surrogates and non-characters, and nothing else", () => {
    for (const [name, value] of Object.entries(REFUSED)) expect(hasInvalidCharacters(value), name).toBe(true);
    for (const value of ACCEPTED) expect(hasInvalidCharacters(value), JSON.stringify(value)).toBe(false);
    expect(withoutInvalidCharacters("a\u0000b\uD800c\uFFFFd😀")).toBe("abcd😀");
  });

  it("is a string schema with a single 'invalidCharacters' message, before any other rule", () => {
    const schema = text({ error: "text" }).trim().min(5, { error: "tooShort" });
    for (const value of Object.values(REFUSED)) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toEqual(["invalidCharacters"]);
    }
    expect(schema.parse("  hello world ")).toBe("hello world");
  });
});

describe("the forms' schemas", () => {
  it("give the field the message and keep the other fields' values valid", () => {
    const profile = profileInputSchema.safeParse({
      displayName: "Amina\u0000",
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      country: "SN",
      organisation: "Org\uFFFF",
    });
    expect(errorsOf(profile)).toEqual({ displayName: "invalidCharacters", organisation: "invalidCharacters" });

    const comment = commentInputSchema.safeParse({
      versionId: "v1",
      paragraphId: "",
      body: "Fine\uD800",
      anonymous: false,
      submitKey: "12345678-key",
    });
    expect(errorsOf(comment)).toEqual({ body: "invalidCharacters" });

    const report = reportInputSchema.safeParse({ responseId: "r1", reason: "OTHER", details: "spam\u0000" });
    expect(errorsOf(report)).toMatchObject({ details: "invalidCharacters" });

    expect(errorsOf(paragraphAddSchema.safeParse({ sectionId: "s1", body: "\u0000" }))).toEqual({ body: "invalidCharacters" });
    expect(signInSchema.safeParse({ email: "ana\u0000@example.org" }).success).toBe(false);

    const question = {
      id: "q1",
      type: "LONG_TEXT" as const,
      required: true,
      minLength: null,
      maxLength: null,
      options: [],
      maxChoices: null,
    };
    const answers = buildSubmissionSchema([question]).safeParse({
      q_q1: "My answer\u0000",
      consent: "PUBLISH_NAMED",
      submitKey: crypto.randomUUID(),
    });
    expect(errorsOf(answers)).toEqual({ q_q1: "invalidCharacters" });
  });

  it("refuse them in a call's title and a question's prompt", () => {
    const result = callInputSchema.safeParse({ title: "Norms\u0000", questions: [{ prompt: "Why\uDFFF?" }] });
    const errors = errorsOf(result);
    expect(errors.title).toBe("invalidCharacters");
    expect(errors["questions.0.prompt"]).toBe("invalidCharacters");
  });

  it("drop a search with them on a public list instead of querying with it", () => {
    expect(publicResponseQuerySchema.parse({ q: "norms\u0000", campaign: "\u0000", cursor: "\uD800" })).toEqual({});
  });

  it("are all built on the shared rule: no user-input schema calls z.string() itself", () => {
    // Parsers of stored JSON (message content, exports) and of the API's own formats are not user text.
    const storedFormats = new Set([
      "exports/message-sets.ts",
      "messages/content.ts",
      "translations/stored.ts",
      "api/message-sets.ts",
      "api/query.ts",
      "api/cursor.ts",
    ]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(path);
        } else if (
          /\.tsx?$/.test(entry.name) &&
          !storedFormats.has(path.slice("lib/".length)) &&
          path !== "lib/validation/text.ts"
        ) {
          if (/\bz\s*\.string\(/.test(readFileSync(path, "utf8"))) offenders.push(path);
        }
      }
    };
    walk("lib");
    expect(offenders).toEqual([]);
  });
});

describe("text that reaches the database without a schema", () => {
  it("is recognised in PostgreSQL's refusal, so actions, routes and pages refuse it like the schema does", async () => {
    // An id read straight from a form: runAction, apiGet, the attachment routes and orNotFound check this.
    const refusal = await db.response
      .findUnique({ where: { id: "abc\u0000" }, select: { id: true } })
      .catch((error: unknown) => error);
    expect(isInvalidTextError(refusal)).toBe(true);
    expect(isInvalidTextError(new Error("connection refused"))).toBe(false);
    expect(await db.response.findUnique({ where: { id: "abc" }, select: { id: true } })).toBeNull();
  });
});
