"use server";
// Posting and reporting comments. Any signed-in user may try; the domain functions decide (profile, period,
// version, parent, limits). On success the page is shown again at the new comment, also without JavaScript.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { postComment } from "./post";
import { reportComment } from "./report";
import { commentInputSchema, commentReportSchema } from "./schemas";

/** Where the form came from: a set's slug and a target (a paragraph id or "set"), checked before use. */
const discussPath = (values: Record<string, string>) => {
  const slug = /^[a-z0-9][a-z0-9-]{0,99}$/.test(values.slug ?? "") ? values.slug! : null;
  const target = /^[A-Za-z0-9_-]{1,64}$/.test(values.target ?? "") ? values.target! : "set";
  return slug ? `/messages/${slug}/discuss/${target}` : "/messages";
};

export const postCommentAction = defineAction({
  name: "comments.post",
  auth: "STAKEHOLDER",
  schema: commentInputSchema,
  run: async (input, { actor, values }) => {
    const posted = await postComment(actor, input);
    revalidatePath("/", "layout");
    const state = posted.moderationState === "PENDING" ? "pending" : "published";
    redirect(`${discussPath(values)}?posted=${state}#comment-${posted.id}`);
  },
});

export const reportCommentAction = defineAction({
  name: "comments.report",
  auth: "STAKEHOLDER",
  schema: commentReportSchema,
  run: async (input, { actor }) => {
    await reportComment(actor, input);
    return null;
  },
});
