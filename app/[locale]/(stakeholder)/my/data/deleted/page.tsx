import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("PersonalData"))("deletedTitle") };
}

type Search = Promise<{ responses?: string }>;

/** Where a deleted account lands, signed out. It reads nothing from the database: there is nobody left. */
export default async function AccountDeletedPage({ searchParams }: { searchParams: Search }) {
  const t = await getTranslations("PersonalData");
  const { responses } = await searchParams;
  return (
    <>
      <h1>{t("deletedTitle")}</h1>
      <p role="status">{t("deletedBody")}</p>
      {responses === "remove" && <p>{t("deletedRemoved")}</p>}
      {responses === "anonymise" && <p>{t("deletedAnonymised")}</p>}
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </>
  );
}
