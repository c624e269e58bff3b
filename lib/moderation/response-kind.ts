// Responses as a moderated item kind (lib/moderation/engine.ts): rows of `responses`, each naming its call;
// only submitted ones are moderated (drafts and withdrawn responses are not public and not in the queue);
// public as the public pages show them (lib/responses/public.ts). Refusals are keys of "ModerationErrors".
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishedResponse } from "@/lib/responses/public";
import type { ItemKind, LockedItem } from "./engine";

export const responseKind: ItemKind<LockedItem, { reference: string | null }, "responseId"> = {
  itemType: "response",
  idField: "responseId",
  forumKind: "response",
  sql: {
    from: Prisma.sql`responses i`,
    callId: Prisma.sql`i."callId"`,
    moderatable: Prisma.sql`i.status = 'SUBMITTED'`,
  },
  update: (tx, id, data) => tx.response.update({ where: { id }, data, select: { reference: true } }),
  isPublic: async (tx, item, now) => (await tx.response.count({ where: { id: item.id, ...publishedResponse(now) } })) > 0,
  errors: {
    notFound: "notFound",
    notModeratable: "notModeratable",
    notPending: "notPending",
    alreadyHidden: "alreadyHidden",
    notHidden: "notHidden",
    approveFirst: "approveFirst",
    alreadyReviewed: "alreadyReviewed",
    noOpenReports: "noOpenReports",
    alreadyReported: "alreadyReported",
    ownItem: "ownResponse",
    profileRequired: "profileRequired",
  },
};
