// A moderation queue of any item kind: its tabs with their sizes, the current tab's heading, its items (or
// what it says when there are none) and, past one page, links to the others. The kind's page says what comes
// before (title, mode, outcome of the last action) and renders each item (components/moderation/moderated-item.tsx).
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { Children, type ReactNode } from "react";
import styles from "./queue.module.css";

type Props<T extends string> = {
  /** Catalog namespace with tabsLabel, tab.* and heading.*. */
  texts: string;
  /** The queue's address; tabs and pages add ?tab= and &page=. */
  base: string;
  tabs: readonly T[];
  tab: T;
  counts: Record<T, number>;
  empty: string;
  page: number;
  pages: number;
  children: ReactNode;
};

export async function ModerationQueue<T extends string>({
  texts,
  base,
  tabs,
  tab,
  counts,
  empty,
  page,
  pages,
  children,
}: Props<T>) {
  const t = await getTranslations(texts);
  const tq = await getTranslations("ModerationQueue");
  const pageHref = (n: number) => `${base}?tab=${tab}&page=${n}`;
  const items = Children.toArray(children);
  return (
    <>
      <nav aria-label={t("tabsLabel")}>
        <ul className={styles.tabs}>
          {tabs.map((name) => (
            <li key={name}>
              <Link href={`${base}?tab=${name}`} aria-current={name === tab ? "page" : undefined}>
                {t(`tab.${name as string}`, { count: counts[name] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`heading.${tab as string}`)}</h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className={styles.items}>
          {Children.map(items, (item) => (
            <li>{item}</li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label={tq("pagesLabel")}>
          <p>
            {page > 1 && <Link href={pageHref(page - 1)}>{tq("previous")}</Link>} {tq("pageOf", { page, pages })}{" "}
            {page < pages && <Link href={pageHref(page + 1)}>{tq("next")}</Link>}
          </p>
        </nav>
      )}
    </>
  );
}
