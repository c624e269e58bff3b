import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { isFollowing } from "@/lib/notifications/settings";
import { FollowForm } from "./follow-form";

/** On a call's page: the follow button for a signed-in user, a sign-in link for a visitor. */
export async function FollowCall({ callId, slug }: { callId: string; slug: string }) {
  const t = await getTranslations("FollowCall");
  const user = await getSessionUser();
  if (!user) {
    return (
      <p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/calls/${slug}`)}`}>{t("signIn")}</Link>
      </p>
    );
  }
  return (
    <div>
      <FollowForm callId={callId} following={await isFollowing(user, callId)} />
      <p>
        <Link href="/my/notifications">{t("settings")}</Link>
      </p>
    </div>
  );
}
