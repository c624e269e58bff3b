import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

/** A page that only says something and links home: 403, 404. Its texts are `title`, `body`, `home`. */
export async function MessagePage({ namespace }: { namespace: "Forbidden" | "NotFound" }) {
  const t = await getTranslations(namespace);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </>
  );
}
