// The query string of the public response list (a GET form that works without JavaScript). A value that is
// not one of the allowed ones is dropped rather than refused: a hand-edited link still shows a page.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const first = one(value);
    return first === "" ? undefined : first;
  }, schema.optional().catch(undefined));

export const PAGE_SIZE = 20;
export const SEARCH_MAX = 200;

export const publicResponseQuerySchema = z.object({
  group: optional(z.enum(StakeholderGroup)),
  region: optional(z.enum(UnRegion)),
  question: optional(text().min(1).max(64)),
  q: optional(text().trim().min(1).max(SEARCH_MAX)),
  cursor: optional(text().min(1).max(256)),
  /** "all": every response; otherwise each campaign (near-duplicate cluster) is shown once. */
  view: optional(z.enum(["all"])),
  /** Only the published members of this campaign. */
  campaign: optional(text().min(1).max(64)),
});

export type PublicResponseQuery = z.infer<typeof publicResponseQuerySchema>;

/** Kept of a search that is too long, to give it back in the box (a bound on what is echoed into the page). */
const ECHO_MAX = 2000;

/**
 * A search over SEARCH_MAX characters, which the schema above drops: returned (cut at ECHO_MAX) so the page
 * can say so and keep the text in the box, instead of silently listing everything.
 */
export function oversizedSearch(value: unknown): string | undefined {
  const first = one(value);
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed.length > SEARCH_MAX ? trimmed.slice(0, ECHO_MAX) : undefined;
}
