import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

/** An unknown token or a made-up kind: say so plainly (404). */
export default async function UnsubscribeNotFound() {
  const t = await getTranslations("Unsubscribe");
  return (
    <>
      <h1>{t("invalidTitle")}</h1>
      <p>{t("invalidText")}</p>
      <p>
        <Link href="/my/notifications">{t("settingsLink")}</Link>
      </p>
    </>
  );
}
