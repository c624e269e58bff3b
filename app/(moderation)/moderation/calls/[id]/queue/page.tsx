import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { QueueItem } from "@/components/moderation/queue-item";
import styles from "@/components/moderation/queue.module.css";
import { requireRole } from "@/lib/auth/session";
import { listQueue } from "@/lib/moderation/queue";
import { QUEUE_TABS, queueQuerySchema } from "@/lib/moderation/schemas";
import { orNotFound } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ModerationQueue"))("title") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;
const DONE = ["approve", "hide", "restore", "review", "dismiss", "uphold"] as const;

export default async function QueuePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const base = `/moderation/calls/${encodeURIComponent(id)}/queue`;
  const user = await requireRole("MODERATOR", { returnTo: base });
  const search = await searchParams;
  const query = queueQuerySchema.parse({ tab: search.tab, page: search.page });
  const t = await getTranslations("ModerationQueue");
  const queue = await orNotFound(listQueue(user, id, query));
  const done = DONE.find((op) => op === search.done);
  const ref = typeof search.ref === "string" ? search.ref.slice(0, 40) : "";
  const pageHref = (page: number) => `${base}?tab=${query.tab}&page=${page}`;

  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{queue.call.title}</p>
      <CallToolsNav callId={queue.call.id} current="queue" />
      {done && (
        <p className="notice ok" role="status">
          {t(`done.${done}`, { reference: ref })}
        </p>
      )}
      <p className="hint">
        {t(queue.call.moderationMode === "PRE" ? "modePre" : "modePost")} {t("threshold", { count: queue.call.reportThreshold })}{" "}
        <Link href={`/moderation/calls/${encodeURIComponent(id)}`}>{t("changeSettings")}</Link>
      </p>
      <nav aria-label={t("tabsLabel")}>
        <ul className={styles.tabs}>
          {QUEUE_TABS.map((tab) => (
            <li key={tab}>
              <Link href={`${base}?tab=${tab}`} aria-current={tab === query.tab ? "page" : undefined}>
                {t(`tab.${tab}`, { count: queue.counts[tab] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`heading.${query.tab}`)}</h2>
      {queue.items.length === 0 ? (
        <p>{t(`empty.${query.tab}`)}</p>
      ) : (
        <ol className={styles.items}>
          {queue.items.map((item) => (
            <li key={item.id}>
              <QueueItem item={item} tab={query.tab} timeZone={queue.call.timeZone} />
            </li>
          ))}
        </ol>
      )}
      {queue.pages > 1 && (
        <nav aria-label={t("pagesLabel")}>
          <p>
            {query.page > 1 && <Link href={pageHref(query.page - 1)}>{t("previous")}</Link>}{" "}
            {t("pageOf", { page: query.page, pages: queue.pages })}{" "}
            {query.page < queue.pages && <Link href={pageHref(query.page + 1)}>{t("next")}</Link>}
          </p>
        </nav>
      )}
    </>
  );
}
