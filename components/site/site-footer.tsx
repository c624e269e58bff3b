import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Site");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footerAbout")}</p>
        <p>{t("footerAccessibility")}</p>
        <p>{t("footerSource")}</p>
        <p>
          <Link href="/developers/api">{t("openData")}</Link>
        </p>
      </div>
    </footer>
  );
}
