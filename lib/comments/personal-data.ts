// A person's comments in their data export, and what deleting their account does to them: removed, or kept
// anonymised (no author, shown without a name), following the choice they made for their responses.
import "server-only";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db";

export function exportComments(userId: string) {
  return db.comment.findMany({
    where: { authorId: userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      paragraphId: true,
      parentId: true,
      body: true,
      anonymous: true,
      stakeholderGroup: true,
      region: true,
      moderationState: true,
      hiddenReason: true,
      disposition: true,
      dispositionReason: true,
      answer: true,
      answeredAt: true,
      createdAt: true,
      updatedAt: true,
      set: { select: { slug: true, title: true } },
      version: { select: { number: true } },
    },
  });
}

export async function removeOrAnonymiseComments(tx: DbClient, userId: string, choice: "remove" | "anonymise") {
  if (choice === "remove") return (await tx.comment.deleteMany({ where: { authorId: userId } })).count;
  return (
    await tx.comment.updateMany({ where: { authorId: userId }, data: { authorId: null, anonymous: true, submitKey: null } })
  ).count;
}
