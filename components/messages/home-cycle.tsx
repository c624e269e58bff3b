import { Link } from "@/lib/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { langProps } from "@/components/i18n/content-language";
import { LocalDate } from "@/components/ui/local-date";
import { publicDraftsOpenForComment, publicRecentFinalMessages } from "@/lib/cache/public-reads";

/** Beside the open calls on the home page: the later phases of the cycle, drafts open for comment and final messages. */
export async function HomeCycle() {
  const t = await getTranslations("HomeCycle");
  const locale = await getLocale();
  const [drafts, finals] = await Promise.all([publicDraftsOpenForComment(10, locale), publicRecentFinalMessages(5, locale)]);
  return (
    <div className="home-cycle">
      <section aria-labelledby="drafts-open">
        <h2 id="drafts-open">{t("drafts")}</h2>
        {drafts.length === 0 ? (
          <p>{t("noDrafts")}</p>
        ) : (
          <ul className="card-list">
            {drafts.map((draft) => (
              <li key={draft.slug} className="card">
                <h3>
                  <Link href={`/messages/${draft.slug}`} {...langProps(draft.lang, locale)}>
                    {draft.title}
                  </Link>
                </h3>
                <p className="meta">
                  {t.rich("commentUntil", {
                    time: () => <LocalDate date={draft.closesAt} timeZone={draft.call.timeZone} reader />,
                  })}
                </p>
                {draft.call.link && <p className="meta">{t("fromCall", { title: draft.call.link.title })}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="finals-recent">
        <h2 id="finals-recent">{t("finals")}</h2>
        {finals.length === 0 ? (
          <p>{t("noFinals")}</p>
        ) : (
          <ul className="card-list">
            {finals.map((final) => (
              <li key={final.slug} className="card">
                <h3>
                  <Link href={`/messages/${final.slug}`} {...langProps(final.lang, locale)}>
                    {final.title}
                  </Link>
                </h3>
                <p className="meta">
                  {t.rich("finalisedOn", { time: () => <LocalDate date={final.finalisedAt} timeZone={final.call.timeZone} /> })}
                </p>
                {final.call.link && <p className="meta">{t("fromCall", { title: final.call.link.title })}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
