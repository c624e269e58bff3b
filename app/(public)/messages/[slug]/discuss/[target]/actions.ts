"use server";
// Posting and reporting comments. Any signed-in user may try; the domain functions decide (profile, period,
// version, parent, limits). On success the page is shown again at the new comment, also without JavaScript.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions";
import { authorize } from "@/lib/auth/session";
import { commentAction } from "@/lib/comments/action";
import { postComment } from "@/lib/comments/post";
import { reportComment } from "@/lib/comments/report";

type State = ActionResult | null;

/** Where the form came from: a set's slug and a target (a paragraph id or "set"), checked before use. */
const discussPath = (values: Record<string, string>) => {
  const slug = /^[a-z0-9][a-z0-9-]{0,99}$/.test(values.slug ?? "") ? values.slug! : null;
  const target = /^[A-Za-z0-9_-]{1,64}$/.test(values.target ?? "") ? values.target! : "set";
  return slug ? `/messages/${slug}/discuss/${target}` : "/messages";
};

export async function postCommentAction(_previous: State, formData: FormData): Promise<ActionResult> {
  let done: { id: string; moderationState: string } | null = null;
  const result = await commentAction("comments.post", formData, async (values) => {
    const actor = await authorize("STAKEHOLDER");
    done = await postComment(actor, {
      versionId: values.versionId ?? "",
      paragraphId: values.paragraphId ?? "",
      parentId: values.parentId,
      body: values.body ?? "",
      anonymous: values.anonymous === "on",
      submitKey: values.submitKey ?? "",
    });
    return { ok: true, data: null };
  });
  if (!result.ok) return result;
  const posted = done! as { id: string; moderationState: string };
  revalidatePath("/", "layout");
  const state = posted.moderationState === "PENDING" ? "pending" : "published";
  redirect(`${discussPath(formValuesOf(formData))}?posted=${state}#comment-${posted.id}`);
}

const formValuesOf = (formData: FormData) =>
  Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")) as Record<string, string>;

export async function reportCommentAction(_previous: State, formData: FormData): Promise<ActionResult> {
  return commentAction("comments.report", formData, async (values) => {
    const actor = await authorize("STAKEHOLDER");
    await reportComment(actor, { commentId: values.commentId, reason: values.reason, details: values.details });
    return { ok: true, data: null };
  });
}
