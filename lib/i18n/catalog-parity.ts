// Whether a language's catalog says everything the English one says, with the same shape: the same files
// and keys, the same ICU placeholders (names and kinds), the same rich-text tags, the same `select`
// branches, and every plural the plural categories of its own language (Arabic six, Russian four, Chinese
// one; CLDR, as `Intl.PluralRules` knows them). A message left in English in another catalog is reported
// too (identical text with two English words or more; formats and codes such as "PDF" pass).
// Used by tests/unit/catalogs.test.ts and by `npm run catalogs` while translating.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export const MESSAGES_DIR = join(process.cwd(), "lib/i18n/messages");

export type Catalog = Map<string, string>;

function flatten(value: unknown, prefix: string, into: Catalog) {
  if (typeof value === "string") into.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  else into.set(prefix, String(value));
}

/** A language's catalog: every message as `file:Namespace.key` → text. */
export function readCatalog(locale: string, dir = MESSAGES_DIR): Catalog {
  const catalog: Catalog = new Map();
  for (const file of readdirSync(join(dir, locale))
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const area = file.replace(/\.json$/, "");
    const namespaces = JSON.parse(readFileSync(join(dir, locale, file), "utf8")) as Record<string, unknown>;
    for (const [namespace, messages] of Object.entries(namespaces)) flatten(messages, `${area}:${namespace}`, catalog);
  }
  return catalog;
}

type Shape = {
  placeholders: Set<string>;
  tags: Set<string>;
  selects: Map<string, Set<string>>;
  plurals: Map<string, Set<string>>;
};

function shapeOf(
  elements: MessageFormatElement[],
  shape: Shape = { placeholders: new Set(), tags: new Set(), selects: new Map(), plurals: new Map() },
) {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        shape.placeholders.add(`${element.value}`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        shape.placeholders.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.tag:
        shape.tags.add(element.value);
        shapeOf(element.children, shape);
        break;
      case TYPE.select:
        shape.placeholders.add(`${element.value}:select`);
        shape.selects.set(element.value, new Set(Object.keys(element.options)));
        for (const option of Object.values(element.options)) shapeOf(option.value, shape);
        break;
      case TYPE.plural: {
        const kind = element.pluralType === "ordinal" ? "selectordinal" : "plural";
        shape.placeholders.add(`${element.value}:${kind}`);
        // Exact selectors (=0, =1) are a choice of wording, not of grammar: not compared.
        const categories = Object.keys(element.options).filter((option) => !option.startsWith("="));
        shape.plurals.set(`${element.value}:${kind}`, new Set(categories));
        for (const option of Object.values(element.options)) shapeOf(option.value, shape);
        break;
      }
      default:
        break;
    }
  }
  return shape;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((item) => b.has(item));
const list = (set: Iterable<string>) => [...set].sort().join(", ") || "none";

/** Latin words of three letters or more: a message in another language that is the English text has some. */
const englishWords = (text: string) => text.replace(/\{[^{}]*\}|<[^>]*>/g, " ").match(/[A-Za-z]{3,}/g) ?? [];

/** Every way `other` (in `locale`) departs from `english`; empty when the two match. */
export function compareCatalogs(english: Catalog, other: Catalog, locale: string): string[] {
  const problems: string[] = [];
  const categories = {
    plural: new Set(new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]),
    selectordinal: new Set(new Intl.PluralRules(locale, { type: "ordinal" }).resolvedOptions().pluralCategories as string[]),
  };
  for (const key of english.keys()) if (!other.has(key)) problems.push(`${key}: missing`);
  for (const key of other.keys()) if (!english.has(key)) problems.push(`${key}: not in the English catalog`);
  for (const [key, text] of other) {
    const source = english.get(key);
    if (source === undefined) continue;
    if (!text.trim()) {
      problems.push(`${key}: empty`);
      continue;
    }
    let theirs: Shape;
    let ours: Shape;
    try {
      ours = shapeOf(parse(source));
    } catch (error) {
      problems.push(`${key}: the English message does not parse (${(error as Error).message})`);
      continue;
    }
    try {
      theirs = shapeOf(parse(text));
    } catch (error) {
      problems.push(`${key}: does not parse as ICU (${(error as Error).message})`);
      continue;
    }
    if (!sameSet(ours.placeholders, theirs.placeholders))
      problems.push(`${key}: placeholders ${list(theirs.placeholders)}, English has ${list(ours.placeholders)}`);
    if (!sameSet(ours.tags, theirs.tags)) problems.push(`${key}: tags ${list(theirs.tags)}, English has ${list(ours.tags)}`);
    for (const [name, options] of ours.selects) {
      const their = theirs.selects.get(name);
      if (their && !sameSet(options, their))
        problems.push(`${key}: select {${name}} branches ${list(their)}, English has ${list(options)}`);
    }
    for (const [name, options] of theirs.plurals) {
      const wanted = name.endsWith(":selectordinal") ? categories.selectordinal : categories.plural;
      if (!sameSet(options, wanted))
        problems.push(
          `${key}: {${name}} has categories ${list(options)}; ${locale} needs exactly ${list(wanted)} (=N selectors may be added)`,
        );
    }
    if (locale !== "en" && text === source && englishWords(text).length >= 2)
      problems.push(`${key}: still in English ("${text.slice(0, 60)}")`);
  }
  return problems;
}
