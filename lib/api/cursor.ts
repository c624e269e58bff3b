// The opaque cursor of the API's lists: the keyset of the last item served, (t, i) = (its sort instant, its
// id), as base64url JSON. Lists are sorted ASCENDING by that key, so items arriving later land after every
// page already served: a cursor keeps pointing at the same place however many items arrive meanwhile.
// Unlike the web pages (which fall back to the first page), a malformed cursor is a 400: a program that
// sends one has a bug it should hear about.
import { z } from "zod";
import { badRequest } from "./errors";

const MAX_CURSOR_LENGTH = 200;

const cursorSchema = z.strictObject({
  t: z.iso.datetime(),
  i: z.string().regex(/^[a-z0-9]{1,64}$/),
});

export type Keyset = { at: Date; id: string };

export function encodeKeyset(keyset: Keyset): string {
  return Buffer.from(JSON.stringify({ t: keyset.at.toISOString(), i: keyset.id }), "utf8").toString("base64url");
}

/** The keyset in `value`; throws a 400 ApiError when it is not one this API made. */
export function decodeKeyset(value: string): Keyset {
  const invalid = () => badRequest("The cursor is malformed: pass back the `next` value of a previous page unchanged.");
  if (value.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw invalid();
  return { at: new Date(parsed.data.t), id: parsed.data.i };
}

/**
 * The Prisma `where` of "after this keyset" in the order (field ASC, id ASC). The `gte` says nothing the OR
 * does not; it gives an index on (…, field, id) the bound to start at, so a page far down a long list is
 * read from there instead of from the first row.
 */
export function afterKeyset<F extends string>(field: F, keyset: Keyset | null) {
  if (!keyset) return {};
  return {
    AND: [
      { [field]: { gte: keyset.at } },
      { OR: [{ [field]: { gt: keyset.at } }, { [field]: keyset.at, id: { gt: keyset.id } }] },
    ],
  } as {
    AND: [{ [K in F]: { gte: Date } }, { OR: ({ [K in F]: { gt: Date } } | ({ [K in F]: Date } & { id: { gt: string } }))[] }];
  };
}
