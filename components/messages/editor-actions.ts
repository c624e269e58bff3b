// The server actions the editor's components use, handed down from the page (components do not import
// routes). Each takes the previous state and the form's data, as useActionState expects.
import type { ActionResult } from "@/lib/actions";
import type { PreviewAction } from "./markdown-preview";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export type EditorActions = Record<
  | "updateSet"
  | "addSection"
  | "renameSection"
  | "moveSection"
  | "deleteSection"
  | "addParagraph"
  | "editParagraph"
  | "moveParagraph"
  | "moveParagraphToSection"
  | "deleteParagraph"
  | "cite"
  | "uncite"
  | "saveVersion"
  | "publishVersion"
  | "splitParagraph"
  | "mergeParagraphs"
  | "closeCommentPeriod"
  | "finaliseVersion",
  Action
> & { preview: PreviewAction };
