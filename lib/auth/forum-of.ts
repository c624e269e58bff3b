// The forum an object belongs to, for the permission check before acting on it (authorizeIn in
// lib/auth/permissions.ts). Null when there is no such object: the caller then refuses it as unknown, the
// same answer an object of a forum the actor has no part in gets.
import "server-only";
import type { DbClient } from "@/lib/db";

type Kind = "call" | "response" | "messageSet" | "section" | "paragraph" | "version" | "comment" | "tag" | "excerpt" | "cluster";

/** How to reach the call's forum from each kind of object. */
const ROUTES: Record<Kind, (client: DbClient, id: string) => Promise<{ forumId: string } | null | undefined>> = {
  call: (client, id) => client.call.findUnique({ where: { id }, select: { forumId: true } }),
  response: (client, id) => viaCall(client.response.findUnique({ where: { id }, select: { call: forum } })),
  messageSet: (client, id) => viaCall(client.messageSet.findUnique({ where: { id }, select: { call: forum } })),
  section: (client, id) => viaSet(client.messageSection.findUnique({ where: { id }, select: { set: setForum } })),
  paragraph: (client, id) => viaSet(client.messageParagraph.findUnique({ where: { id }, select: { set: setForum } })),
  version: (client, id) => viaSet(client.messageSetVersion.findUnique({ where: { id }, select: { set: setForum } })),
  comment: (client, id) => viaSet(client.comment.findUnique({ where: { id }, select: { set: setForum } })),
  tag: (client, id) => viaCall(client.tag.findUnique({ where: { id }, select: { call: forum } })),
  excerpt: (client, id) =>
    client.excerpt
      .findUnique({ where: { id }, select: { response: { select: { call: forum } } } })
      .then((row) => row?.response.call),
  cluster: (client, id) => viaCall(client.responseCluster.findUnique({ where: { id }, select: { call: forum } })),
};

const forum = { select: { forumId: true } } as const;
const setForum = { select: { call: forum } } as const;

const viaCall = (row: Promise<{ call: { forumId: string } } | null>) => row.then((found) => found?.call);
const viaSet = (row: Promise<{ set: { call: { forumId: string } } } | null>) => row.then((found) => found?.set.call);

/** The forum of the object of `kind` with `id`, or null when there is none. */
export async function forumOf(client: DbClient, kind: Kind, id: string): Promise<string | null> {
  if (!id) return null;
  return (await ROUTES[kind](client, id))?.forumId ?? null;
}
