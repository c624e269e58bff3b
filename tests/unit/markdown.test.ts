import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

describe("rendering Markdown", () => {
  it("keeps the formatting moderators use", () => {
    expect(renderMarkdown("# Scope\n\nSee **the norms** and [the report](https://example.org/r).")).toBe(
      '<h2>Scope</h2>\n<p>See <strong>the norms</strong> and <a href="https://example.org/r" rel="nofollow noopener">the report</a>.</p>\n',
    );
  });

  it("turns raw HTML and script links into harmless text", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))');
    expect(html).not.toMatch(/<(script|img)\b/i); // no element: the text shows as text
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&lt;script&gt;");
  });
});
