import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignInError"))("title") };
}

const KNOWN = ["Verification", "AccessDenied", "Configuration"] as const;

type Search = Promise<{ error?: string; retryAfter?: string }>;

/**
 * next-auth sends failed sign-ins here with ?error=…; a malformed or expired link lands as "Verification",
 * a request past the sign-in email limit (lib/auth/options.ts) as "TooManyEmails" with retryAfter seconds.
 */
export default async function SignInErrorPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("SignInError");
  const { error, retryAfter } = await searchParams;
  const seconds = Number(retryAfter);
  const message =
    error === "TooManyEmails" && Number.isFinite(seconds) && seconds > 0
      ? t("TooManyEmails", { minutes: Math.min(24 * 60, Math.ceil(seconds / 60)) })
      : t(KNOWN.find((known) => known === error) ?? "Default");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="notice error" role="alert">
        {message}
      </p>
      <p>
        <Link href="/signin" className="button">
          {t("again")}
        </Link>
      </p>
    </>
  );
}
