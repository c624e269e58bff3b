// The structure of a tagged PDF (pdfkit's `tagged: true`): elements (H1, P, L, LI, Table, Link…) in reading
// order under one Document element, each pointing at the marked content drawn for it; rules, shading and page
// numbers marked as artifacts, so a screen reader or a reflowing viewer reads only the text, in order. pdfkit
// allows no nesting of marked content, so at most one element's content is open at a time: drawing for
// another element (or an artifact, or a new page) closes it first.
import "server-only";
import type PDFDocument from "pdfkit";

type Doc = InstanceType<typeof PDFDocument>;
export type Element = PDFKit.PDFStructureElement;

export class Tags {
  readonly root: Element;
  private open: Element | null = null;
  private spanOpen = false;
  private readonly types = new WeakMap<Element, string>();

  constructor(private readonly doc: Doc) {
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  /** A new element of `type` as the last child of `parent` (the document when not given). */
  element(
    type: string,
    parent: Element = this.root,
    options: { lang?: string; title?: string; alt?: string; scope?: string } = {},
  ) {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    this.types.set(element, type);
    parent.add(element);
    return element;
  }

  /** Runs `draw` with `element` as the owner of what it draws. */
  content(element: Element, draw: () => void) {
    this.mark(element);
    draw();
  }

  /**
   * Makes what is drawn next belong to `element` (a no-op while its content is already open). With `actualText`,
   * a span of its own that carries the text in reading order: right-to-left text is drawn glyph by glyph from
   * left to right, and joined Arabic letters are one glyph for two letters, so that is what assistive
   * technology and copying should read.
   */
  mark(element: Element, actualText?: string) {
    if (this.open === element && !actualText && !this.spanOpen) return;
    this.close();
    const type = actualText ? "Span" : (this.types.get(element) ?? "Span");
    element.add(this.doc.markStructureContent(type, actualText ? { actual: actualText } : {}));
    this.open = element;
    this.spanOpen = Boolean(actualText);
  }

  /** Closes the open content; to be called before anything that is not text of the same element. */
  close() {
    if (!this.open) return;
    this.doc.endMarkedContent();
    this.open = null;
  }

  /** Draws decoration or furniture (rules, shading, page numbers, repeated table headers) as an artifact. */
  artifact(draw: () => void, type?: "Pagination" | "Layout") {
    this.close();
    this.doc.markContent("Artifact", type ? { type } : undefined);
    draw();
    this.doc.endMarkedContent();
  }

  /** A new page, with nothing left open on the one before. */
  addPage() {
    this.close();
    this.doc.addPage();
  }

  /** Ends an element once everything of it is drawn (pdfkit then writes it out). */
  end(element: Element) {
    if (this.open === element) this.close();
    element.end();
  }
}
