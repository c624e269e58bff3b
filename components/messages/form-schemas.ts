// The schemas the editor's text forms validate with, by name: a client form receives the name (a schema
// cannot be passed from a server component) and the server action parses with the same object.
import {
  messageSetCreateSchema,
  messageSetUpdateSchema,
  paragraphAddSchema,
  paragraphEditSchema,
  sectionAddSchema,
  sectionRenameSchema,
  versionSaveSchema,
} from "@/lib/messages/schemas";

export const MESSAGE_FORM_SCHEMAS = {
  createSet: messageSetCreateSchema,
  updateSet: messageSetUpdateSchema,
  addSection: sectionAddSchema,
  renameSection: sectionRenameSchema,
  addParagraph: paragraphAddSchema,
  editParagraph: paragraphEditSchema,
  saveVersion: versionSaveSchema,
} as const;

export type MessageFormName = keyof typeof MESSAGE_FORM_SCHEMAS;
