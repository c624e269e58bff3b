// Query parameters of the open data API, validated with zod. Each route names the parameters it accepts;
// anything else (an unknown or repeated parameter, a limit outside 1..100, a date that is not ISO 8601) is a
// 400 that says what is allowed, never silently ignored: a typo in a filter must not return unfiltered data.
import { z } from "zod";
import { StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { decodeKeyset, type Keyset } from "./cursor";
import { badRequest } from "./errors";

export const PAGE_LIMIT = { min: 1, max: 100, default: 20 } as const;
export const CALL_STATUSES = ["SCHEDULED", "OPEN", "CLOSED"] as const;
/** Version numbers are PostgreSQL integers: the document's `maximum`, so any number it allows is looked up
 * (an unknown one is a 404) and only a larger one is a 400. */
export const MAX_VERSION_NUMBER = 2_147_483_647;

const isoInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
/** A forum's or call's slug in a filter (also the OpenAPI document's `pattern`). */
export const SLUG_PATTERN = "^[a-z0-9][a-z0-9-]{0,99}$";
const slug = z.string().regex(new RegExp(SLUG_PATTERN));

/** Every query parameter of the API, by name: its schema and the message of a bad value. */
const PARAMETERS = {
  limit: {
    schema: z.coerce.number().int().min(PAGE_LIMIT.min).max(PAGE_LIMIT.max),
    message: `limit must be a whole number from ${PAGE_LIMIT.min} to ${PAGE_LIMIT.max}.`,
  },
  cursor: { schema: z.string(), message: "" },
  group: { schema: z.enum(StakeholderGroup), message: `group must be one of ${Object.values(StakeholderGroup).join(", ")}.` },
  region: { schema: z.enum(UnRegion), message: `region must be one of ${Object.values(UnRegion).join(", ")}.` },
  since: {
    schema: isoInstant.transform((v) => new Date(v)),
    message: "since must be an ISO 8601 date or date-time with offset.",
  },
  until: {
    schema: isoInstant.transform((v) => new Date(v)),
    message: "until must be an ISO 8601 date or date-time with offset.",
  },
  status: { schema: z.enum(CALL_STATUSES), message: `status must be one of ${CALL_STATUSES.join(", ")}.` },
  forum: { schema: slug, message: "forum must be a forum's slug." },
  call: { schema: slug, message: "call must be a call's slug." },
} as const;

export type ParameterName = keyof typeof PARAMETERS;

export type Query = {
  limit: number;
  cursor: Keyset | null;
  group?: StakeholderGroup;
  region?: UnRegion;
  since?: Date;
  until?: Date;
  status?: (typeof CALL_STATUSES)[number];
  forum?: string;
  call?: string;
};

/** The query of `url`, accepting only `allowed` parameters; throws a 400 ApiError otherwise. */
export function parseQuery(url: URL, allowed: readonly ParameterName[]): Query {
  const query: Record<string, unknown> = { limit: PAGE_LIMIT.default, cursor: null };
  const seen = new Set<string>();
  for (const [name, value] of url.searchParams) {
    if (!(allowed as readonly string[]).includes(name)) {
      throw badRequest(
        allowed.length
          ? `Unknown query parameter "${name.slice(0, 40)}". Allowed here: ${allowed.join(", ")}.`
          : `Unknown query parameter "${name.slice(0, 40)}". This endpoint takes no query parameters.`,
      );
    }
    if (seen.has(name)) throw badRequest(`The query parameter "${name}" is given more than once.`);
    seen.add(name);
    if (name === "cursor") {
      // Empty is the first page, as if there were no cursor (the document allows any string).
      query.cursor = value === "" ? null : decodeKeyset(value);
      continue;
    }
    const parameter = PARAMETERS[name as ParameterName];
    const parsed = parameter.schema.safeParse(value);
    if (!parsed.success) throw badRequest(parameter.message);
    query[name] = parsed.data;
  }
  const result = query as Query;
  if (result.since && result.until && result.since > result.until) throw badRequest("since must not be after until.");
  return result;
}

/** A page of items in keyset order, with the cursor of the next page (null on the last). */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => Date) {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, more, lastKey: more && last ? { at: keyOf(last), id: last.id } : null };
}
