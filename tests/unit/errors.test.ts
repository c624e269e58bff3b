// The one error type and its one translator: every code has a sentence, every placeholder a typed parameter,
// zod issues become the same codes, and no module encodes parameters in strings any more.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  AppError,
  Closed,
  Conflict,
  httpStatus,
  Invalid,
  NotFound,
  RateLimited,
  TooLarge,
  Unsupported,
  type ErrorParamMap,
} from "@/lib/errors";
import { translateError, translateFieldErrors, type ErrorTranslator } from "@/lib/i18n/errors";
import { locales as LOCALES } from "@/lib/i18n/config";
import { fieldErrorsOf, fromZodIssue } from "@/lib/validation/issues";
import { text } from "@/lib/validation/text";

const ROOT = join(__dirname, "../..");
const catalogOf = (locale: string) =>
  JSON.parse(readFileSync(join(ROOT, "lib/i18n/messages", locale, "errors.json"), "utf8")) as { Errors: Record<string, string> };
const en = catalogOf("en");
const t = createTranslator({ locale: "en", messages: en, namespace: "Errors" }) as unknown as ErrorTranslator;

/** The parameter names each code's sentence uses: `{max}`, `{minutes, plural, …}`. */
function placeholders(sentence: string) {
  return [...new Set([...sentence.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((match) => match[1]!))].sort();
}

// What ErrorParamMap declares, written out so that a change to one without the other fails here.
const DECLARED: { [C in keyof ErrorParamMap]: (keyof ErrorParamMap[C])[] } = {
  finalGaps: ["comments", "paragraphs"],
  csvDuplicateEmail: ["line"],
  csvTooLarge: ["max"],
  csvTooManyRows: ["max"],
  logoTooLarge: ["max"],
  tooLong: ["max"],
  tooShort: ["min"],
  tooLarge: ["max"],
  translationOptionCount: ["count"],
  tooManyChoices: ["max"],
  tooManyOptions: ["max"],
  optionTooLong: ["max"],
  tooManyQuestions: ["max"],
  tooManyTerms: ["max"],
  tagNameTooShort: ["min"],
  reasonTooShort: ["min"],
  tooManyComments: ["max"],
  commentsClosed: ["time"],
  commentsUpcoming: ["time"],
  olderThanPublished: ["latest", "n"],
  ownPeriodOpen: ["n", "until"],
  ownPeriodUpcoming: ["n", "opens"],
  periodOpen: ["n", "until", "next"],
  periodOpenFinal: ["n", "until", "next"],
  periodUpcoming: ["n", "opens", "next"],
  periodUpcomingFinal: ["n", "opens", "next"],
  rateLimited: ["wait", "unit"],
  tooManySignInLinks: ["minutes"],
  unexpected: ["requestId"],
  fileTooLarge: ["maxMegabytes"],
  unpackedTooLarge: ["maxUnpackedMegabytes"],
  tooManyParts: ["maxEntries"],
  tooManyFiles: ["maxFiles"],
  editedMeanwhile: ["at"],
  editedMeanwhileBy: ["by", "at"],
};

describe("the Errors catalog", () => {
  it("has, in every language, exactly the placeholders that the codes' typed parameters declare", () => {
    for (const locale of LOCALES) {
      const catalog = catalogOf(locale).Errors;
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en.Errors).sort());
      for (const [code, sentence] of Object.entries(catalog)) {
        const declared = (DECLARED as Record<string, string[]>)[code] ?? [];
        expect(placeholders(sentence), `${locale} ${code}`).toEqual([...declared].sort());
      }
    }
  });

  it("is the only catalog of error sentences: no other namespace is named *Errors or *Validation", () => {
    for (const locale of LOCALES) {
      for (const file of readdirSync(join(ROOT, "lib/i18n/messages", locale))) {
        if (file === "errors.json") continue;
        const namespaces = Object.keys(JSON.parse(readFileSync(join(ROOT, "lib/i18n/messages", locale, file), "utf8")));
        expect(
          namespaces.filter((name) => /(Errors|Validation)$/.test(name)),
          `${locale}/${file}`,
        ).toEqual([]);
      }
    }
  });
});

describe("translateError", () => {
  it("puts typed parameters into the sentence, dates with their zone", () => {
    expect(translateError(t, { code: "tooLong", params: { max: 120 } })).toBe("Use at most 120 characters.");
    expect(translateError(t, { code: "tooShort", params: { min: 3 } })).toBe("Use at least 3 characters.");
    const closed = translateError(t, { code: "commentsClosed", params: { time: new Date("2026-07-02T14:05:00Z") } });
    expect(closed).toContain("2026");
    expect(closed).toContain("UTC");
    expect(translateError(t, RateLimited(90).descriptor)).toBe(
      "You have done this too many times in a short while. Please try again in 2 minutes.",
    );
  });

  it("reads a code the catalog does not have as the generic refusal, never as the raw code", () => {
    const unknown = { code: "noSuchCode" } as unknown as Parameters<typeof translateError>[1];
    expect(translateError(t, unknown)).toBe(en.Errors.invalid);
  });

  it("translates field errors field by field, and leaves out empty fields", () => {
    const fields = translateFieldErrors(t, { body: [{ code: "tooLong", params: { max: 5 } }], other: [] });
    expect(fields).toEqual({ body: ["Use at most 5 characters."] });
    expect(translateFieldErrors(t, undefined)).toBeUndefined();
  });
});

describe("AppError", () => {
  it("carries the code and its parameters, not a string encoding", () => {
    const error = Conflict("tooManyComments", { max: 20 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("tooManyComments");
    expect(error.params).toEqual({ max: 20 });
    expect(error.message).not.toContain("|");
    expect(Closed("commentsClosed", { time: new Date(0) }).params?.time).toBeInstanceOf(Date);
  });

  it("has one HTTP status per kind, and Retry-After seconds for rate limits", () => {
    expect(httpStatus(NotFound())).toBe(404);
    expect(httpStatus(Conflict("notPending"))).toBe(409);
    expect(httpStatus(Invalid())).toBe(400);
    expect(httpStatus(TooLarge("fileTooLarge", { maxMegabytes: 10 }))).toBe(413);
    expect(httpStatus(Unsupported("notText"))).toBe(415);
    const limited = RateLimited(61.2);
    expect(httpStatus(limited)).toBe(429);
    expect(limited.retryAfterSeconds).toBe(62);
    expect(limited.params).toEqual({ wait: 2, unit: "minutes" });
  });

  it("takes field errors as codes or descriptors, with or without parameters for the form's code", () => {
    const plain = Invalid("invalid", { email: ["emailMismatch"] });
    expect(plain.fieldErrors).toEqual({ email: [{ code: "emailMismatch" }] });
    const withParams = Invalid("tooLong", { max: 3 }, { body: [{ code: "tooLong", params: { max: 3 } }] });
    expect(withParams.params).toEqual({ max: 3 });
    expect(withParams.fieldErrors?.body).toEqual([{ code: "tooLong", params: { max: 3 } }]);
  });
});

describe("zod issues as codes", () => {
  const schema = z
    .object({
      name: text({ error: "text" }).trim().min(2, { error: "tooShort" }).max(5, { error: "tooLong" }),
      choices: z.array(z.string()),
    })
    .superRefine((value, ctx) => {
      if (value.choices.length > 2)
        ctx.addIssue({ code: "custom", path: ["choices"], message: "tooManyChoices", params: { max: 2 } });
    });

  it("takes the limit from the issue itself", () => {
    const long = schema.safeParse({ name: "abcdefg", choices: [] });
    expect(long.success).toBe(false);
    expect(fromZodIssue(long.error!.issues[0]!)).toEqual({ code: "tooLong", params: { max: 5 } });
    const short = schema.safeParse({ name: "a", choices: [] });
    expect(fromZodIssue(short.error!.issues[0]!)).toEqual({ code: "tooShort", params: { min: 2 } });
  });

  it("takes a custom issue's parameters, and groups issues by field", () => {
    const many = schema.safeParse({ name: "abc", choices: ["a", "b", "c"] });
    expect(fieldErrorsOf(many.error!)).toEqual({ choices: [{ code: "tooManyChoices", params: { max: 2 } }] });
    expect(translateFieldErrors(t, fieldErrorsOf(many.error!))).toEqual({ choices: ["Choose at most 2."] });
  });

  it("reads zod's own English sentences (a type the schema did not name) as invalidValue", () => {
    const wrongType = schema.safeParse({ name: "abc", choices: "x" });
    expect(fromZodIssue(wrongType.error!.issues[0]!).code).toBe("invalidValue");
    expect(en.Errors.invalidValue).toBeTruthy();
  });
});

describe("no string-encoded errors", () => {
  it("no module under lib/, components/ or app/ builds or splits 'code|value' error strings", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(path);
        } else if (/\.tsx?$/.test(entry.name)) {
          const source = readFileSync(join(ROOT, path), "utf8");
          if (/`\w+\|\$\{|\.split\("\|"\)|`\$\{\w+\}\|\$\{/.test(source)) offenders.push(path);
        }
      }
    };
    for (const dir of ["lib", "components", "app"]) walk(dir);
    expect(offenders).toEqual([]);
  });
});
