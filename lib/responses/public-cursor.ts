// The opaque cursor of the public response list: a position in the order (submittedAt DESC, id DESC) and a
// direction, base64url-encoded JSON. Anything that does not decode to exactly that shape is "no cursor",
// so a tampered or truncated link shows the first page instead of an error.
import { z } from "zod";
import { text } from "@/lib/validation/text";

const cursorSchema = z.object({
  /** submittedAt of the row the page starts after (or ends before), as an ISO instant. */
  t: z.iso.datetime(),
  /** id of that row: the tie-breaker. */
  i: text().min(1).max(64),
  /** "a": the page after this row (older responses); "b": the page before it (newer). */
  d: z.enum(["a", "b"]),
});

export type Cursor = { submittedAt: Date; id: string; direction: "after" | "before" };

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({ t: cursor.submittedAt.toISOString(), i: cursor.id, d: cursor.direction[0] });
  return Buffer.from(json, "utf8").toString("base64url");
}

/** The cursor in `value`, or null when it is missing or malformed. */
export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value || value.length > 256 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return null;
  return {
    submittedAt: new Date(parsed.data.t),
    id: parsed.data.i,
    direction: parsed.data.d === "a" ? "after" : "before",
  };
}
