// Selecting a passage of an answer with the mouse, as a moderator does on /moderation/responses/<id>.
import { expect, type Page } from "@playwright/test";

/** Drags the mouse over `quote` inside the answer element, as a person selecting it would. */
export async function dragOver(page: Page, questionId: string, quote: string) {
  const answer = page.locator(`[data-answer="${questionId}"]`);
  await answer.scrollIntoViewIfNeeded();
  const box = await answer.evaluate((element, quote) => {
    const text = element.textContent ?? "";
    const start = text.indexOf(quote);
    // The text may be split by <mark> elements: find the text node holding each character.
    const nodeAt = (at: number): [Node, number] => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (at < seen + length) return [node, at - seen];
        seen += length;
      }
      throw new Error(`No character at ${at}`);
    };
    const rectOf = (at: number) => {
      const [node, offset] = nodeAt(at);
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, y: r.top + r.height / 2 };
    };
    return { first: rectOf(start), last: rectOf(start + quote.length - 1) };
  }, quote);
  await page.mouse.move(box.first.left + 1, box.first.y);
  await page.mouse.down();
  await page.mouse.move(box.last.right - 1, box.last.y, { steps: 8 });
  await page.mouse.up();
  expect(await page.evaluate(() => window.getSelection()?.toString()), JSON.stringify(box)).toBe(quote);
}
