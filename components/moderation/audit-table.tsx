// The audit log as a table. Before and after are shown as indented JSON in <pre>, escaped by React.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { listAuditEntries } from "@/lib/audit/log";
import styles from "./audit-table.module.css";
import { UserText } from "@/components/ui/user-text";
import { TableRegion } from "@/components/ui/table-region";

type Entry = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

/** Where an item is looked at, for the kinds that have a page. */
function itemHref(itemType: string, itemId: string) {
  if (itemType === "response") return `/moderation/responses/${encodeURIComponent(itemId)}`;
  if (itemType === "call") return `/moderation/calls/${encodeURIComponent(itemId)}`;
  return null;
}

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

export async function AuditTable({ entries }: { entries: Entry[] }) {
  const t = await getTranslations("AuditLog");
  const tRole = await getTranslations("Role");
  return (
    <TableRegion labelledBy="audit-caption">
      <table className={styles.table}>
        <caption id="audit-caption" className="visually-hidden">
          {t("title")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("actor")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("item")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.createdAt.toISOString()}>
                  {entry.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </td>
              <td>
                {entry.actorId === null ? (
                  t("system")
                ) : (
                  <>
                    {entry.actorName ? <UserText>{entry.actorName}</UserText> : t("deletedAccount")}
                    {entry.actorRole && ` (${tRole(entry.actorRole)})`}
                  </>
                )}
              </td>
              <th scope="row">{entry.action}</th>
              <td>
                {entry.itemType}{" "}
                {itemHref(entry.itemType, entry.itemId) ? (
                  <Link href={itemHref(entry.itemType, entry.itemId)!}>
                    <code>{entry.itemId}</code>
                  </Link>
                ) : (
                  <code>{entry.itemId}</code>
                )}
              </td>
              <td>
                <pre className={styles.json}>{json(entry.before)}</pre>
              </td>
              <td>
                <pre className={styles.json}>{json(entry.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
