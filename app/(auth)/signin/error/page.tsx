import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignInError"))("title") };
}

const KNOWN = ["Verification", "AccessDenied", "Configuration"] as const;

/** next-auth sends failed sign-ins here with ?error=…; a malformed or expired link lands as "Verification". */
export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const t = await getTranslations("SignInError");
  const { error } = await searchParams;
  const kind = KNOWN.find((known) => known === error) ?? "Default";
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="notice error" role="alert">
        {t(kind)}
      </p>
      <p>
        <Link href="/signin" className="button">
          {t("again")}
        </Link>
      </p>
    </>
  );
}
