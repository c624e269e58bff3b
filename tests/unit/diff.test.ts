import { describe, expect, it } from "vitest";
import type { VersionContent } from "@/lib/messages/content";
import { diffVersions, type ParagraphDiff } from "@/lib/messages/diff";
import { diffTokens, diffWords, tokenize, WORD_DIFF_MAX_CELLS } from "@/lib/messages/words";

type P = { id: string; body: string; origins?: string[] };
const version = (...sections: { id: string; heading: string; paragraphs: P[] }[]): VersionContent =>
  sections.map((s) => ({
    sectionId: s.id,
    heading: s.heading,
    paragraphs: s.paragraphs.map((p) => ({ paragraphId: p.id, body: p.body, origins: p.origins ?? [], citations: [] })),
  }));

const all = (diff: ReturnType<typeof diffVersions>) => diff.sections.flatMap((s) => s.paragraphs);
const find = (diff: ReturnType<typeof diffVersions>, key: string) => all(diff).find((p) => p.key === key)!;
const text = (p: ParagraphDiff, ...types: string[]) =>
  p.tokens
    .filter((t) => types.includes(t.type))
    .map((t) => t.text)
    .join("");

describe("word tokens", () => {
  it("cuts words, spaces and punctuation and keeps every character", () => {
    const source = "Capacity-building, for  all (CERTs)!\nNew line é́";
    expect(tokenize(source).join("")).toBe(source);
    expect(tokenize("a, b")).toEqual(["a", ",", " ", "b"]);
  });

  it("keeps a run of white space, line breaks included, as one token", () => {
    expect(tokenize("a \n\n b\r\n\r\nc")).toEqual(["a", " \n\n ", "b", "\r\n\r\n", "c"]);
  });

  it("cuts Chinese, written without spaces, into dictionary words", () => {
    expect(tokenize("我们支持多利益攸关方模式。")).toEqual(["我们", "支持", "多", "利益", "攸关", "方", "模式", "。"]);
    expect(tokenize("我们支持多利益攸关方模式。", "zh")).toEqual(tokenize("我们支持多利益攸关方模式。"));
  });

  it("marks only the changed word of a Chinese sentence, not the whole sentence", () => {
    expect(diffWords("我们支持多利益攸关方模式", "我们支持多利益攸关方方法")).toEqual([
      { type: "equal", text: "我们支持多利益攸关方" },
      { type: "delete", text: "模式" },
      { type: "insert", text: "方法" },
    ]);
  });

  it("marks only the changed word of an Arabic and of a Russian sentence", () => {
    expect(diffWords("نحن ندعم نموذج أصحاب المصلحة المتعددين.", "نحن نؤيد نموذج أصحاب المصلحة المتعددين.", "ar")).toEqual([
      { type: "equal", text: "نحن " },
      { type: "delete", text: "ندعم" },
      { type: "insert", text: "نؤيد" },
      { type: "equal", text: " نموذج أصحاب المصلحة المتعددين." },
    ]);
    expect(diffWords("Мы поддерживаем проект норм.", "Мы поддерживаем новый проект норм.")).toEqual([
      { type: "equal", text: "Мы поддерживаем " },
      { type: "insert", text: "новый " },
      { type: "equal", text: "проект норм." },
    ]);
  });

  it("marks inserted and deleted words and rebuilds both texts exactly", () => {
    const from = "States should share threat information quickly.";
    const to = "States and CERTs should share threat data quickly.";
    const tokens = diffWords(from, to);
    expect(
      tokens
        .filter((t) => t.type !== "insert")
        .map((t) => t.text)
        .join(""),
    ).toBe(from);
    expect(
      tokens
        .filter((t) => t.type !== "delete")
        .map((t) => t.text)
        .join(""),
    ).toBe(to);
    expect(tokens.filter((t) => t.type === "insert").map((t) => t.text)).toEqual(["and CERTs ", "data"]);
    expect(tokens.filter((t) => t.type === "delete").map((t) => t.text)).toEqual(["information"]);
  });

  it("gives one equal run for equal texts and handles empty ones", () => {
    expect(diffWords("Same text.", "Same text.")).toEqual([{ type: "equal", text: "Same text." }]);
    expect(diffWords("", "New")).toEqual([{ type: "insert", text: "New" }]);
    expect(diffWords("Old", "")).toEqual([{ type: "delete", text: "Old" }]);
  });

  it("replaces the middle whole instead of aligning huge inputs", () => {
    const size = Math.ceil(Math.sqrt(WORD_DIFF_MAX_CELLS)) + 10;
    const a = ["start", ...Array.from({ length: size }, (_, i) => `a${i}`), "end"];
    const b = ["start", ...Array.from({ length: size }, (_, i) => `b${i}`), "end"];
    const tokens = diffTokens(a, b);
    expect(tokens.map((t) => t.type)).toEqual(["equal", "delete", "insert", "equal"]);
    expect(tokens[0]!.text).toBe("start");
  });
});

describe("diffVersions", () => {
  const v1 = version(
    {
      id: "s1",
      heading: "Trust",
      paragraphs: [
        { id: "p1", body: "One. Two." },
        { id: "p2", body: "Alpha beta gamma." },
        { id: "p3", body: "Third paragraph." },
      ],
    },
    {
      id: "s2",
      heading: "Capacity",
      paragraphs: [
        { id: "p4", body: "Fourth." },
        { id: "p5", body: "Fifth." },
      ],
    },
  );

  it("finds nothing between a version and itself", () => {
    const diff = diffVersions(v1, v1);
    expect(all(diff).map((p) => p.status)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(diff.counts.unchanged).toBe(5);
    expect(diff.sections.map((s) => s.status)).toEqual(["unchanged", "unchanged"]);
    expect(all(diff).map((p) => [p.fromNumber, p.toNumber])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
    ]);
  });

  it("shows an edit word by word", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One. Two." },
          { id: "p2", body: "Alpha delta gamma." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const p2 = find(diffVersions(v1, v2), "p2");
    expect(p2).toMatchObject({ status: "edited", edited: true, moved: false, fromNumber: 2, toNumber: 2 });
    expect(text(p2, "delete")).toBe("beta");
    expect(text(p2, "insert")).toBe("delta");
    expect(find(diffVersions(v1, v2), "p1").status).toBe("unchanged");
  });

  it("shows an edit of a Chinese paragraph word by word", () => {
    const zh = (body: string) => version({ id: "s1", heading: "信任", paragraphs: [{ id: "p1", body }] });
    const p1 = find(
      diffVersions(
        zh("各国政府应当加强网络安全合作，并邀请民间社会参与规范的制定。"),
        zh("各国政府应当加强网络安全协作，并邀请民间社会参与规范的制定。"),
      ),
      "p1",
    );
    expect(p1).toMatchObject({ status: "edited", edited: true });
    expect(text(p1, "delete")).toBe("合作");
    expect(text(p1, "insert")).toBe("协作");
    expect(text(p1, "equal", "insert")).toBe("各国政府应当加强网络安全协作，并邀请民间社会参与规范的制定。");
  });

  it("tells a move within a section and across sections from renumbering", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p3", body: "Third paragraph." },
          { id: "p1", body: "One. Two." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth!" },
          { id: "p2", body: "Alpha beta gamma." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    // p1 and p3 swapped: one of them is "moved", the longest stable order keeps the other.
    const swapped = [find(diff, "p1"), find(diff, "p3")];
    expect(swapped.filter((p) => p.status === "moved")).toHaveLength(1);
    expect(find(diff, "p2")).toMatchObject({
      status: "moved",
      moved: true,
      edited: false,
      fromNumber: 2,
      toNumber: 5,
      fromHeading: "Trust",
      toHeading: "Capacity",
    });
    // Renumbered only (4 → 3): not moved.
    expect(find(diff, "p4")).toMatchObject({ status: "unchanged", fromNumber: 4, toNumber: 3 });
    const p5 = find(diff, "p5");
    expect(p5).toMatchObject({ status: "edited", fromNumber: 5, toNumber: 4 });
    expect(text(p5, "insert")).toBe("!");
  });

  it("marks a moved paragraph that was also edited", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One. Two." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p2", body: "Alpha gamma." },
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    expect(find(diffVersions(v1, v2), "p2")).toMatchObject({
      status: "moved",
      moved: true,
      edited: true,
      fromNumber: 2,
      toNumber: 3,
    });
  });

  it("shows a split: the new part names its parent, a pure split is no edit", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One." },
          { id: "n1", body: "Two.", origins: ["p1"] },
          { id: "p2", body: "Alpha beta gamma." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    expect(find(diff, "p1")).toMatchObject({ status: "unchanged", edited: false, splitInto: [2], fromNumber: 1, toNumber: 1 });
    const part = find(diff, "n1");
    expect(part).toMatchObject({
      status: "split",
      splitFrom: 1,
      edited: false,
      fromNumber: null,
      toNumber: 2,
      lineage: ["n1", "p1"],
    });
    expect(text(part, "equal", "insert")).toBe("Two.");
    expect(diff.counts).toMatchObject({ split: 1, added: 0 });
  });

  it("shows an edit made with a split, in the part where it is", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One." },
          { id: "n1", body: "Two and three.", origins: ["p1"] },
          { id: "p2", body: "Alpha beta gamma." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    expect(find(diff, "p1").edited).toBe(false);
    const part = find(diff, "n1");
    expect(part).toMatchObject({ status: "split", edited: true });
    expect(text(part, "insert")).toBe(" and three");
  });

  it("shows a merge: the merged paragraph points to its new home, a pure merge is no edit", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One. Two." },
          { id: "p2", body: "Alpha beta gamma.\n\nThird paragraph.", origins: ["p3"] },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    expect(find(diff, "p2")).toMatchObject({ status: "unchanged", edited: false, mergedWith: [3], lineage: ["p2", "p3"] });
    const gone = find(diff, "from:p3");
    expect(gone).toMatchObject({ status: "merged", paragraphId: "p3", mergedInto: 2, fromNumber: 3, toNumber: null });
    // Listed right after its predecessor in `from`.
    expect(diff.sections[0]!.paragraphs.map((p) => p.key)).toEqual(["p1", "p2", "from:p3"]);
    expect(diff.counts).toMatchObject({ merged: 1, removed: 0 });
  });

  it("shows added and removed paragraphs with their whole text", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One. Two." },
          { id: "p3", body: "Third paragraph." },
          { id: "x", body: "Brand new." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    expect(find(diff, "x")).toMatchObject({
      status: "added",
      toNumber: 3,
      fromNumber: null,
      tokens: [{ type: "insert", text: "Brand new." }],
    });
    expect(find(diff, "from:p2")).toMatchObject({
      status: "removed",
      fromNumber: 2,
      toNumber: null,
      tokens: [{ type: "delete", text: "Alpha beta gamma." }],
    });
    expect(diff.sections[0]!.paragraphs.map((p) => p.key)).toEqual(["p1", "from:p2", "p3", "x"]);
    // p3 only renumbered (3 → 2) after the removal: unchanged.
    expect(find(diff, "p3")).toMatchObject({ status: "unchanged", fromNumber: 3, toNumber: 2 });
  });

  it("shows renamed, added and removed headings", () => {
    const v2 = version(
      {
        id: "s1",
        heading: "Trust and security",
        paragraphs: [
          { id: "p1", body: "One. Two." },
          { id: "p2", body: "Alpha beta gamma." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      { id: "s3", heading: "New heading", paragraphs: [] },
    );
    const diff = diffVersions(v1, v2);
    expect(diff.sections.map((s) => [s.key, s.status])).toEqual([
      ["s1", "renamed"],
      ["s2", "removed"],
      ["s3", "added"],
    ]);
    expect(
      diff.sections[0]!.headingTokens.filter((t) => t.type === "insert")
        .map((t) => t.text)
        .join(""),
    ).toBe(" and security");
    expect(diff.sections[1]!.paragraphs.map((p) => [p.key, p.status])).toEqual([
      ["from:p4", "removed"],
      ["from:p5", "removed"],
    ]);
  });

  it("follows a split across two versions by the parent's lineage", () => {
    // p1 split into n1, then n1 split into n2, both between the versions compared.
    const v2 = version(
      {
        id: "s1",
        heading: "Trust",
        paragraphs: [
          { id: "p1", body: "One." },
          { id: "n1", body: "Two.", origins: ["p1"] },
          { id: "n2", body: "More.", origins: ["p1", "n1"] },
          { id: "p2", body: "Alpha beta gamma." },
          { id: "p3", body: "Third paragraph." },
        ],
      },
      {
        id: "s2",
        heading: "Capacity",
        paragraphs: [
          { id: "p4", body: "Fourth." },
          { id: "p5", body: "Fifth." },
        ],
      },
    );
    const diff = diffVersions(v1, v2);
    expect(find(diff, "n2")).toMatchObject({ status: "split", splitFrom: 1 });
    expect(find(diff, "p1").splitInto).toEqual([2, 3]);
  });
});
