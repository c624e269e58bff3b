// Word segmentation shared by the version diff and campaign clustering (lib/text/words.ts), on real text in
// several scripts.
import { describe, expect, it } from "vitest";
import { segmentWords, words } from "@/lib/text/words";

const TEXTS = [
  "Capacity-building, for  all (CERTs)!\nDon't wait: 3.5 % of e.g. U.S. budgets.",
  "我们支持多利益攸关方模式，认为各国政府、私营部门和民间社会都应当平等参与互联网治理。",
  "日本語のテキストです。ウェブサイトを見てください。",
  "نحن ندعم نموذج أصحاب المصلحة المتعددين، ونؤكد أهمية الْعَرَبِيَّة.",
  "Мы поддерживаем  проект—норм.\r\n\r\nСпасибо!",
  "ภาษาไทยไม่มีช่องว่างระหว่างคำ 👍🏽 🇫🇷",
];

describe("segmentWords", () => {
  it("gives every text back exactly when its segments are joined", () => {
    for (const text of TEXTS)
      expect(
        segmentWords(text)
          .map((s) => s.text)
          .join(""),
      ).toBe(text);
  });

  it("finds the same words as Intl.Segmenter on the whole text, though it segments piece by piece", () => {
    const whole = new Intl.Segmenter(undefined, { granularity: "word" });
    for (const text of TEXTS) {
      const expected = Array.from(whole.segment(text))
        .filter((s) => s.isWordLike)
        .map((s) => s.segment);
      expect(words(text)).toEqual(expected);
      // The second time the short pieces come from the cache.
      expect(words(text)).toEqual(expected);
    }
  });

  it("cuts Chinese, Japanese and Thai by dictionary and keeps Arabic words whole with their vowel marks", () => {
    expect(words("我们支持多利益攸关方模式")).toEqual(["我们", "支持", "多", "利益", "攸关", "方", "模式"]);
    // ICU's Japanese dictionary cuts finer than a reader would (くだ|さい): assert only what matters.
    expect(words("ウェブサイトを見てください").slice(0, 4)).toEqual(["ウェブサイト", "を", "見", "て"]);
    expect(words("ภาษาไทย")).toEqual(["ภาษา", "ไทย"]);
    expect(words("اللُّغَةُ الْعَرَبِيَّةُ")).toEqual(["اللُّغَةُ", "الْعَرَبِيَّةُ"]);
  });

  it("keeps a run of white space as one segment and marks punctuation and emoji as no word", () => {
    expect(segmentWords("Wait!!  ok 👍🏽")).toEqual([
      { text: "Wait", word: true },
      { text: "!", word: false },
      { text: "!", word: false },
      { text: "  ", word: false },
      { text: "ok", word: true },
      { text: " ", word: false },
      { text: "👍🏽", word: false },
    ]);
  });

  it("separates a word from the narrow no-break space French puts before a colon", () => {
    // Unicode's rules alone would give "mot\u202f" as the word.
    expect(words("Un mot\u202f: la norme")).toEqual(["Un", "mot", "la", "norme"]);
  });

  it("takes the text's language and falls back to the default for an invalid tag", () => {
    expect(words("我们支持多利益攸关方模式", "zh")).toEqual(words("我们支持多利益攸关方模式"));
    expect(words("نحن ندعم النموذج", "ar")).toEqual(["نحن", "ندعم", "النموذج"]);
    expect(words("Well-known words", "en_US")).toEqual(["Well", "known", "words"]);
  });
});
