import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/profile/profile-form";
import { safeReturnPath } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { countryOptions } from "@/lib/profile/countries";
import { toLocale } from "@/lib/i18n/config";
import { getOwnLocale, getOwnProfile } from "@/lib/profile/profile";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Profile"))("title") };
}

type Search = Promise<{ welcome?: string; callbackUrl?: string }>;

async function ProfilePage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser({ returnTo: "/profile", profile: false });
  const t = await getTranslations("Profile");
  const { welcome, callbackUrl } = await searchParams;
  const [profile, locale, pageLocale] = await Promise.all([getOwnProfile(user), getOwnLocale(user), getLocale()]);
  const isNew = profile === null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{isNew || welcome ? t("welcome") : t("intro")}</p>
      <p>
        {t("email")}: <strong>{user.email}</strong>
      </p>
      <ProfileForm
        countries={countryOptions(pageLocale)}
        callbackUrl={isNew ? safeReturnPath(callbackUrl) : callbackUrl ? safeReturnPath(callbackUrl) : ""}
        defaults={{
          displayName: profile?.displayName ?? "",
          stakeholderGroup: profile?.stakeholderGroup ?? "",
          region: profile?.region ?? "",
          country: profile?.country ?? "",
          organisation: profile?.organisation ?? "",
          onBehalfOf: profile?.onBehalfOf ?? "",
          // Not chosen yet: the page's language, which they are reading.
          locale: locale ?? toLocale(pageLocale),
        }}
      />
    </>
  );
}

export default withClientMessages(["Errors", "Profile", "StakeholderGroup", "UnRegion"], ProfilePage);
