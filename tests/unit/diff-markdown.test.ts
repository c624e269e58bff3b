import { describe, expect, it } from "vitest";
import { renderDiffMarkdown } from "@/lib/messages/diff-markdown";
import { diffWords } from "@/lib/messages/words";

const labels = { inserted: "inserted:", insertedEnd: "end of insertion", deleted: "deleted:", deletedEnd: "end of deletion" };
const hidden = (text: string) => `<span class="visually-hidden">${text}</span>`;

describe("a compared paragraph rendered as Markdown", () => {
  it("renders the Markdown and keeps the insertions and deletions marked and announced", () => {
    const tokens = diffWords(
      "A seat in **drafting**, not only comment.",
      "A seat in **drafting**, with *remote* participation, not only comment.",
    );
    const html = renderDiffMarkdown(tokens, labels);
    expect(html).not.toContain("**");
    expect(html).toContain("<strong>drafting</strong>");
    // The run is cut around the <em> it crosses: opened once, announced once at its start and end.
    expect(html).toContain(
      `<ins>${hidden("inserted: ")}with </ins><em><ins>remote</ins></em><ins> participation, ${hidden(" end of insertion")}</ins>not only`,
    );
    expect(html.match(/inserted:/g)).toHaveLength(1);
  });

  it("closes and reopens a run around the markup it crosses, so the tags nest", () => {
    const html = renderDiffMarkdown(
      [
        { type: "equal", text: "Keep " },
        { type: "delete", text: "old **bold" },
        { type: "equal", text: " words**." },
      ],
      labels,
    );
    expect(html).toBe(
      `<p>Keep <del>${hidden("deleted: ")}old </del><strong><del>bold${hidden(" end of deletion")}</del> words</strong>.</p>\n`,
    );
  });

  it("keeps user text as data: no raw HTML, no javascript link, marks in the text are dropped", () => {
    const html = renderDiffMarkdown(
      [
        { type: "equal", text: "<script>alert(1)</script> " },
        { type: "insert", text: "[x](javascript:alert(1)) \uE001" },
      ],
      labels,
    );
    expect(html).not.toContain("<script");
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toContain("\uE001");
    expect(html).toContain("&lt;script&gt;");
  });
});
