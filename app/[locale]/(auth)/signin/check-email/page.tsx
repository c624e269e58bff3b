import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CheckEmail"))("title") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("CheckEmail");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead" role="status">
        {t("body")}
      </p>
      <p>{t("noMail")}</p>
      <p>
        <Link href="/signin">{t("again")}</Link>
      </p>
    </>
  );
}
