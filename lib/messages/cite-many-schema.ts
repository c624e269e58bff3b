// The source panel's "cite the ticked excerpts" form (lib/messages/citations.ts, citeMany): the paragraph and
// the ticked excerpts (one `excerptIds` field per box). Pure: the form and the action both use it.
import { z } from "zod";
import { text } from "@/lib/validation/text";

const id = text({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "required" });

/** At most this many excerpts at once (the domain's CITE_MANY_MAX). */
export const CITE_MANY_LIMIT = 50;

export const citeManySchema = z.object({
  paragraphId: id,
  excerptIds: z.array(id).min(1, { error: "bulkNothingChosen" }).max(CITE_MANY_LIMIT, { error: "bulkTooMany" }),
});

/** The form the excerpts' boxes belong to (their `form` attribute). */
export const CITE_MANY_FORM_ID = "cite-many";
