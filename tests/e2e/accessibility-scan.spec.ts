// The scan every browser test ends its pages with (fixtures.ts `expectAccessible`) finds what it is there to find:
// a page made to fail a dozen WCAG 2.2 A/AA rules, each element named, and nothing outside those levels.
import { axeViolations, expect, test } from "./fixtures";

test("the accessibility scan reports every WCAG A/AA violation of a page, and only those", async ({ page }) => {
  await page.setContent(
    [
      `<html><body>`,
      `<img src="a.png"><img src="b.png">`,
      `<p style="color:#ccc;background:#fff">faint</p>`,
      `<input type="text"><a href="/x"></a><button></button>`,
      `<div role="foo">x</div><ul><div>not an item</div></ul><select></select><h1></h1>`,
      `</body></html>`,
    ].join(""),
  );
  const found = await axeViolations(page);
  expect(found.map((line) => line.split(" ")[0])).toEqual([
    "aria-roles",
    "button-name",
    "color-contrast",
    "document-title",
    "html-has-lang",
    "image-alt",
    "label",
    "link-name",
    "list",
    "select-name",
    "target-size", // WCAG 2.2 AA
  ]);
  expect(found).toContain('image-alt (critical): img[src="a.png"], img[src="b.png"]');
  // Best practices outside WCAG's levels (an empty heading, content outside landmarks) are not reported.
  expect(found.join("\n")).not.toMatch(/empty-heading|region|landmark-one-main/);
});
