import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { UnfollowForm } from "@/components/notifications/unfollow-form";
import { requireUser } from "@/lib/auth/session";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("NotificationSettings"))("title") };
}

async function NotificationSettingsPage() {
  // No profile needed: anyone signed in may turn email off.
  const user = await requireUser({ returnTo: "/my/notifications", profile: false });
  const t = await getTranslations("NotificationSettings");
  const settings = await getNotificationSettings(user);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <NotificationSettingsForm kinds={settings.kinds} />

      <section aria-labelledby="follows-heading">
        <h2 id="follows-heading">{t("followsHeading")}</h2>
        <p>{t("followsIntro")}</p>
        {settings.follows.length === 0 ? (
          <p>{t("noFollows")}</p>
        ) : (
          <ul className="link-list">
            {settings.follows.map((call) => (
              <li key={call.id}>
                <Link href={`/calls/${call.slug}`}>{call.title}</Link> <UnfollowForm callId={call.id} title={call.title} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default withClientMessages(["NotificationKind", "NotificationSettings"], NotificationSettingsPage);
