import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/moderation/audit-table";
import styles from "@/components/moderation/audit-table.module.css";
import { auditFilterChoices, listAuditEntries } from "@/lib/audit/log";
import { requirePermission } from "@/lib/auth/session";
import { auditQuerySchema } from "@/lib/moderation/schemas";
import { SelectField } from "@/components/ui/select-field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AuditLog"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: Search }) {
  const actor = await requirePermission("audit.read", { returnTo: "/admin/audit" });
  const t = await getTranslations("AuditLog");
  const raw = await searchParams;
  const query = auditQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])),
  );
  const [{ entries, nextBefore }, choices] = await Promise.all([listAuditEntries(actor, query), auditFilterChoices(actor)]);
  const filters = { ...query, before: undefined };
  const kept = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const next = nextBefore ? `/admin/audit?${new URLSearchParams([...kept, ["before", nextBefore]])}` : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <form method="get" className={`form ${styles.filters}`} role="search" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="audit-action">{t("action")}</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("any")}</option>
            {choices.actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-item">{t("itemType")}</label>
          <select id="audit-item" name="itemType" defaultValue={filters.itemType ?? ""}>
            <option value="">{t("any")}</option>
            {choices.itemTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t("actor")}</label>
          <p className="hint" id="audit-actor-hint">
            {t("actorHint")}
          </p>
          <input
            id="audit-actor"
            name="actor"
            type="text"
            aria-describedby="audit-actor-hint"
            defaultValue={filters.actor ?? ""}
          />
        </div>
        <SelectField
          id="audit-call"
          name="call"
          label={t("call")}
          anyLabel={t("any")}
          value={filters.call}
          options={choices.calls.map((call) => ({ value: call.id, label: call.title }))}
        />
        <div className="field">
          <label htmlFor="audit-from">{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <p>
          <button type="submit" className="button secondary">
            {t("apply")}
          </button>{" "}
          <Link href="/admin/audit">{t("clear")}</Link>
        </p>
      </form>
      <p role="status">{t("showing", { count: entries.length })}</p>
      {entries.length > 0 && <AuditTable entries={entries} />}
      {next && (
        <p>
          <Link href={next}>{t("older")}</Link>
        </p>
      )}
    </>
  );
}
