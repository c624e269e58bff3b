// What the audit log's entries are about, by name: a response by its receipt number, a call, message set,
// tag or forum by its name, a version with its number, a comment, section, paragraph or citation by its set,
// an excerpt by the start of its quote, an account by its name, with the moderation page each is looked at
// on. Resolved for a page of entries at once: one query per item type present, never one per entry. Only
// the objects of the forums the reader may read the audit of are named (an administrator's: all; accounts:
// administrators only), so an entry never reveals the name of another forum's object; an item that no
// longer exists, or that the reader may not see, is left unnamed (null): its type and id are shown instead.
import "server-only";
import { db } from "@/lib/db";
import { can, forumScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";

type Reader = Pick<SessionUser, "id" | "role" | "forums">;

export type AuditItem = {
  /** The item's own name: a title, a receipt number, a tag's name, a person's name, the start of a quote. */
  name: string;
  /** Where it sits when its name alone does not say: the set of a section, the forum of an appointment. */
  within?: string;
  /** A version's number. */
  number?: number;
  /** The page the reader looks at it on; null when there is none the reader may open. */
  href: string | null;
};

type Entry = { itemType: string; itemId: string };
type Resolver = (ids: string[], forums: ForumFilter, admin: boolean) => Promise<[string, AuditItem][]>;
/** A Prisma filter on a call's `forumId` (empty for "every forum"). */
type ForumFilter = { forumId?: { in: string[] } };

const QUOTE_CHARS = 60;
const clip = (text: string) => (text.length <= QUOTE_CHARS ? text : `${text.slice(0, QUOTE_CHARS).trimEnd()}…`);
const path = (...parts: string[]) => parts.map(encodeURIComponent).join("/");
const setPage = (setId: string) => `/moderation/messages/${path(setId)}`;

const RESOLVERS: Record<string, Resolver> = {
  response: async (ids, forums) =>
    (
      await db.response.findMany({
        where: { id: { in: ids }, status: { not: "DRAFT" }, call: forums },
        select: { id: true, reference: true },
      })
    ).map((r) => [r.id, { name: r.reference ?? r.id, href: `/moderation/responses/${path(r.id)}` }]),
  call: async (ids, forums) =>
    (await db.call.findMany({ where: { id: { in: ids }, ...forums }, select: { id: true, title: true } })).map((c) => [
      c.id,
      { name: c.title, href: `/moderation/calls/${path(c.id)}` },
    ]),
  messageSet: async (ids, forums) =>
    (await db.messageSet.findMany({ where: { id: { in: ids }, call: forums }, select: { id: true, title: true } })).map((s) => [
      s.id,
      { name: s.title, href: setPage(s.id) },
    ]),
  messageSetVersion: async (ids, forums) =>
    (
      await db.messageSetVersion.findMany({
        where: { id: { in: ids }, set: { call: forums } },
        select: { id: true, number: true, set: { select: { id: true, title: true } } },
      })
    ).map((v) => [v.id, { name: v.set.title, number: v.number, href: `${setPage(v.set.id)}#version-${v.number}` }]),
  messageSection: async (ids, forums) =>
    (
      await db.messageSection.findMany({
        where: { id: { in: ids }, set: { call: forums } },
        select: { id: true, heading: true, set: { select: { id: true, title: true } } },
      })
    ).map((s) => [s.id, { name: s.heading, within: s.set.title, href: setPage(s.set.id) }]),
  messageParagraph: async (ids, forums) =>
    (
      await db.messageParagraph.findMany({
        where: { id: { in: ids }, set: { call: forums } },
        select: { id: true, set: { select: { id: true, title: true } } },
      })
    ).map((p) => [p.id, { name: p.set.title, href: setPage(p.set.id) }]),
  citation: async (ids, forums) =>
    (
      await db.citation.findMany({
        where: { id: { in: ids }, paragraph: { set: { call: forums } } },
        select: { id: true, paragraph: { select: { set: { select: { id: true, title: true } } } } },
      })
    ).map((c) => [c.id, { name: c.paragraph.set.title, href: setPage(c.paragraph.set.id) }]),
  comment: async (ids, forums) =>
    (
      await db.comment.findMany({
        where: { id: { in: ids }, set: { call: forums } },
        select: { id: true, set: { select: { id: true, title: true } } },
      })
    ).map((c) => [c.id, { name: c.set.title, href: `${setPage(c.set.id)}/comments` }]),
  tag: async (ids, forums) =>
    (await db.tag.findMany({ where: { id: { in: ids }, call: forums }, select: { id: true, name: true, callId: true } })).map(
      (t) => [t.id, { name: t.name, href: `/moderation/calls/${path(t.callId)}/coding` }],
    ),
  excerpt: async (ids, forums) =>
    (
      await db.excerpt.findMany({
        where: { id: { in: ids }, response: { call: forums } },
        select: { id: true, quote: true, responseId: true },
      })
    ).map((e) => [e.id, { name: clip(e.quote), href: `/moderation/responses/${path(e.responseId)}` }]),
  forum: async (ids, forums) =>
    (
      await db.forum.findMany({
        where: { id: { in: forums.forumId ? ids.filter((id) => forums.forumId!.in.includes(id)) : ids } },
        select: { id: true, name: true },
      })
    ).map((f) => [f.id, { name: f.name, href: `/moderation/forums/${path(f.id)}` }]),
  forumAppointment: async (ids, forums) =>
    (
      await db.forumAppointment.findMany({
        where: { id: { in: ids }, ...forums },
        select: {
          id: true,
          forum: { select: { id: true, name: true } },
          user: { select: { email: true, profile: { select: { displayName: true } } } },
        },
      })
    ).map((a) => [
      a.id,
      { name: a.user.profile?.displayName ?? a.user.email, within: a.forum.name, href: `/moderation/forums/${path(a.forum.id)}` },
    ]),
  // Entries about accounts are the administrators' alone (lib/audit/log.ts); named for them only.
  user: async (ids, _forums, admin) =>
    admin
      ? (
          await db.user.findMany({
            where: { id: { in: ids } },
            select: { id: true, email: true, profile: { select: { displayName: true } } },
          })
        ).map((u) => [
          u.id,
          { name: u.profile?.displayName ?? u.email, href: `/admin/users?${new URLSearchParams({ q: u.email })}` },
        ])
      : [],
};

/** The items of `entries` the reader may see named, by "itemType:itemId". */
export async function resolveAuditItems(reader: Reader, entries: readonly Entry[]): Promise<Map<string, AuditItem>> {
  const scope = forumScope(reader, "audit.read");
  const forums: ForumFilter = scope === "all" ? {} : { forumId: { in: scope } };
  const admin = can(reader, "accounts.manage");
  const idsByType = new Map<string, Set<string>>();
  for (const { itemType, itemId } of entries) {
    if (!Object.hasOwn(RESOLVERS, itemType)) continue;
    (idsByType.get(itemType) ?? idsByType.set(itemType, new Set()).get(itemType)!).add(itemId);
  }
  const resolved = await Promise.all(
    [...idsByType].map(async ([type, ids]) =>
      (await RESOLVERS[type]!([...ids], forums, admin)).map(([id, item]) => [`${type}:${id}`, item] as const),
    ),
  );
  return new Map(resolved.flat());
}
