// Every language's catalog says what the English one says, in the same shape (lib/i18n/catalog-parity.ts).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareCatalogs, MESSAGES_DIR, readCatalog } from "@/lib/i18n/catalog-parity";

const english = readCatalog("en");
const others = readdirSync(MESSAGES_DIR).filter((name) => name !== "en" && !name.includes("."));

describe("the catalogs", () => {
  it("English parses as ICU throughout", () => {
    expect(english.size).toBeGreaterThan(1000);
    expect(compareCatalogs(english, english, "en")).toEqual([]);
  });

  it.each(others)("%s has every key, placeholder, tag and plural category, and nothing left in English", (locale) => {
    expect(compareCatalogs(english, readCatalog(locale), locale)).toEqual([]);
  });
});

describe("the parity check", () => {
  const en = new Map([
    ["core:A.count", "{count, plural, one {# response} other {# responses}}"],
    ["core:A.hello", "Hello <b>{name}</b>"],
    ["core:A.kind", "{kind, select, response {Response} other {Comment}}"],
  ]);
  it("finds a missing key, an extra key, a lost placeholder or tag, a changed branch and a wrong plural", () => {
    const ru = new Map([
      ["core:A.count", "{count, plural, one {# ответ} other {# ответов}}"],
      ["core:A.hello", "Здравствуйте, {person}"],
      ["core:A.extra", "Лишнее"],
    ]);
    const problems = compareCatalogs(en, ru, "ru");
    expect(problems).toEqual([
      "core:A.kind: missing",
      "core:A.extra: not in the English catalog",
      "core:A.count: {count:plural} has categories one, other; ru needs exactly few, many, one, other (=N selectors may be added)",
      "core:A.hello: placeholders person, English has name",
      "core:A.hello: tags none, English has b",
    ]);
    const fr = new Map([
      ["core:A.count", "{count, plural, =0 {Aucune réponse} one {# réponse} many {# de réponses} other {# réponses}}"],
      ["core:A.hello", "Bonjour <b>{name}</b>"],
      ["core:A.kind", "{kind, select, reply {Réponse} other {Commentaire}}"],
    ]);
    expect(compareCatalogs(en, fr, "fr")).toEqual([
      "core:A.kind: select {kind} branches other, reply, English has other, response",
    ]);
  });

  it("finds a message left in English, an empty one and one that does not parse", () => {
    const zh = new Map([
      ["core:A.count", "{count, plural, other {# responses}}"],
      ["core:A.hello", ""],
      ["core:A.kind", "{kind, select, response {回复} other {评论}"],
    ]);
    expect(compareCatalogs(en, zh, "zh").map((problem) => problem.replace(/ \(.*$/, ""))).toEqual([
      "core:A.hello: empty",
      "core:A.kind: does not parse as ICU",
    ]);
    const hello = new Map([["core:A.hello", "Hello there <b>{name}</b>"]]);
    expect(compareCatalogs(hello, hello, "es")).toEqual(['core:A.hello: still in English ("Hello there <b>{name}</b>")']);
  });
});
