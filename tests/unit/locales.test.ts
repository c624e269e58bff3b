// The six languages and their addresses (lib/i18n/config.ts): English unprefixed, the others under their code.
import { describe, expect, it } from "vitest";
import { defaultLocale, directionOf, isLocale, LOCALE_NAMES, localizedPath, locales, unlocalizedPath } from "@/lib/i18n/config";
import { readCatalog } from "@/lib/i18n/catalog-parity";

describe("the interface languages", () => {
  it("are the six official UN languages, English the default, each with a catalog and named in itself", () => {
    expect([...locales].sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect(defaultLocale).toBe("en");
    for (const locale of locales) expect(readCatalog(locale).size).toBe(readCatalog("en").size);
    expect(LOCALE_NAMES).toMatchObject({ ar: "العربية", fr: "Français", zh: "中文", ru: "Русский", es: "Español" });
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("write Arabic right to left and the others left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    for (const locale of locales.filter((l) => l !== "ar")) expect(directionOf(locale)).toBe("ltr");
  });

  it("address a page under the language's code, English without one, keeping query and fragment", () => {
    expect(localizedPath("/calls/x", "fr")).toBe("/fr/calls/x");
    expect(localizedPath("/calls/x?page=2#top", "ar")).toBe("/ar/calls/x?page=2#top");
    expect(localizedPath("/", "zh")).toBe("/zh");
    expect(localizedPath("/?q=1", "ru")).toBe("/ru?q=1");
    expect(localizedPath("/calls/x", "en")).toBe("/calls/x");
    expect(localizedPath("/calls/x", "de")).toBe("/calls/x");
  });

  it("take the language's code off an address, and only a language's", () => {
    expect(unlocalizedPath("/fr/calls/x")).toBe("/calls/x");
    expect(unlocalizedPath("/ar")).toBe("/");
    expect(unlocalizedPath("/calls/x")).toBe("/calls/x");
    expect(unlocalizedPath("/de/calls")).toBe("/de/calls");
    expect(unlocalizedPath("/")).toBe("/");
    for (const locale of locales) expect(unlocalizedPath(localizedPath("/my/data", locale))).toBe("/my/data");
  });
});
