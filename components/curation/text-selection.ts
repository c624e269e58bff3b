// Offsets of a DOM selection within one answer element, in UTF-16 code units of its text (what
// `textContent` and JavaScript strings count, and what the server checks). The answer is rendered as one
// element whose text is the answer as-is, possibly split by <mark> elements, so counting the text before
// a boundary gives its offset whatever the markup.
export type TextSelection = { element: HTMLElement; start: number; end: number; quote: string };

export function offsetIn(element: HTMLElement, node: Node, offset: number) {
  const before = document.createRange();
  before.selectNodeContents(element);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** The current selection if it lies within a single element matching `selector`, else null. */
export function selectionWithin(selector: string): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(selector) ?? null;
  const element = elementOf(range.startContainer);
  if (!element || element !== elementOf(range.endContainer)) return null;
  const start = offsetIn(element, range.startContainer, range.startOffset);
  const end = offsetIn(element, range.endContainer, range.endOffset);
  const text = element.textContent ?? "";
  if (end <= start) return null;
  return { element, start, end, quote: text.slice(start, end) };
}

/** Anchor and focus of the current selection (or caret) as offsets in `element`, if it is inside it. */
export function caretIn(element: HTMLElement): { anchor: number; focus: number } | null {
  const selection = window.getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return null;
  if (!element.contains(selection.anchorNode) || !element.contains(selection.focusNode)) return null;
  return {
    anchor: offsetIn(element, selection.anchorNode, selection.anchorOffset),
    focus: offsetIn(element, selection.focusNode, selection.focusOffset),
  };
}

/** The text node and offset at a character offset of `element`'s text. */
function pointAt(element: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (offset <= seen + length) return [node, offset - seen];
    seen += length;
  }
  return [element, element.childNodes.length];
}

/** Shows a selection from `anchor` to `focus` (character offsets) inside `element`. */
export function selectOffsets(element: HTMLElement, anchor: number, focus: number) {
  const selection = window.getSelection();
  if (!selection) return;
  const [anchorNode, anchorOffset] = pointAt(element, anchor);
  const [focusNode, focusOffset] = pointAt(element, focus);
  selection.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
}

/** Where Shift/Ctrl+arrow, Home and End move the selection's focus in `text`. */
export function nextFocus(text: string, focus: number, key: string, byWord: boolean): number | null {
  const wordEdge = (step: 1 | -1) => {
    let at = focus;
    const isSpace = (i: number) => /\s/.test(text[i] ?? " ");
    if (step === 1) {
      while (at < text.length && isSpace(at)) at++;
      while (at < text.length && !isSpace(at)) at++;
    } else {
      while (at > 0 && isSpace(at - 1)) at--;
      while (at > 0 && !isSpace(at - 1)) at--;
    }
    return at;
  };
  // A surrogate pair (an emoji) is one character to the reader: never stop inside one.
  const step = (direction: 1 | -1) => {
    if (direction === 1) {
      const code = text.charCodeAt(focus);
      return focus + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
    }
    const code = text.charCodeAt(focus - 1);
    return focus - (code >= 0xdc00 && code <= 0xdfff ? 2 : 1);
  };
  const nextLine = text.indexOf("\n", focus + 1);
  const previousLine = text.lastIndexOf("\n", focus - 2);
  switch (key) {
    case "ArrowRight":
      return Math.min(text.length, byWord ? wordEdge(1) : step(1));
    case "ArrowLeft":
      return Math.max(0, byWord ? wordEdge(-1) : step(-1));
    case "ArrowDown":
      return nextLine === -1 ? text.length : nextLine + 1;
    case "ArrowUp":
      return previousLine === -1 ? 0 : previousLine + 1;
    case "End":
      return text.length;
    case "Home":
      return 0;
    default:
      return null;
  }
}
