// The revision a form of an editable object posts (lib/edits/revision.ts): the one it was opened at. Optional:
// a post without it is saved without the check. Pure: the forms' schemas include it.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const revisionSchema = z.object({
  revision: text()
    .regex(/^\d{1,9}$/, { error: "invalid" })
    .transform(Number)
    .optional(),
});
