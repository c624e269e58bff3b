// The audit log as a table. The item is named and linked where it still exists and the reader may look at
// it (lib/audit/items.ts), else shown by its type and id; before and after are shown as indented JSON in
// <pre>, escaped by React. Names are isolated in <bdi>.
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { listAuditEntries } from "@/lib/audit/log";
import type { AuditItem } from "@/lib/audit/items";
import styles from "./audit-table.module.css";
import { UserText } from "@/components/ui/user-text";
import { TableRegion } from "@/components/ui/table-region";

type Entry = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];
type Translate = Awaited<ReturnType<typeof getTranslations<"AuditLog">>>;

/** The item's name as the log says it, by its type: "<set>, version 2", "A comment on <set>", … */
function itemLabel(t: Translate, itemType: string, item: AuditItem): ReactNode {
  const name = () => <UserText>{item.name}</UserText>;
  const within = () => <UserText>{item.within}</UserText>;
  switch (itemType) {
    case "messageSetVersion":
      return t.rich("itemName.version", { name, number: item.number ?? 0 });
    case "messageSection":
      return t.rich("itemName.section", { name, within });
    case "messageParagraph":
      return t.rich("itemName.paragraph", { name });
    case "citation":
      return t.rich("itemName.citation", { name });
    case "comment":
      return t.rich("itemName.comment", { name });
    case "excerpt":
      return t.rich("itemName.excerpt", { name });
    case "forumAppointment":
      return t.rich("itemName.appointment", { name, within });
    default:
      return name();
  }
}

/** The item cell: its type, then its name (a link where there is a page for it) or its id. */
function ItemCell({ t, entry }: { t: Translate; entry: Entry }) {
  const { itemType, itemId, item } = entry;
  let shown: ReactNode;
  if (itemType === "emailJob") shown = t("itemName.email", { id: itemId });
  else if (itemType === "job") shown = t("itemName.job", { id: itemId });
  else if (!item) shown = <code>{itemId}</code>;
  else if (item.href) shown = <Link href={item.href}>{itemLabel(t, itemType, item)}</Link>;
  else shown = itemLabel(t, itemType, item);
  return (
    <>
      <span className={styles.type}>{itemType}</span> {shown}
    </>
  );
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
              <th scope="row" className={styles.action}>
                {entry.action}
              </th>
              <td className={styles.item}>
                <ItemCell t={t} entry={entry} />
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
