// "What you said, what we did": per numbered paragraph of the current version, each published top-level
// comment with who made it (group and region), the version it was made on, and the moderators' disposition
// with their answer or reason. Whole-set comments and comments on paragraphs removed since come last.
import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import styles from "@/components/comments/comments.module.css";
import { GroupFilter } from "@/components/comments/group-filter";
import { PeriodNotice } from "@/components/comments/period-notice";
import { type Thread } from "@/lib/comments/read";
import { groupFilterSchema } from "@/lib/comments/schemas";
import { publicMessageSet, publicSetComments } from "@/lib/cache/public-reads";
import { UserText } from "@/components/ui/user-text";
import { withClientMessages } from "@/components/i18n/client-messages";
import { directionOf } from "@/lib/i18n/config";
import { TableRegion } from "@/components/ui/table-region";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (slug: string) => (slug.length <= 100 ? publicMessageSet(slug, await getLocale()) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const set = await load(decodeURIComponent((await params).slug));
  const t = await getTranslations("CommentTable");
  return set ? { title: t("title", { title: set.title }) } : {};
}

async function Table({ id, caption, threads }: { id: string; caption: string; threads: Thread[] }) {
  const t = await getTranslations("CommentTable");
  const tc = await getTranslations("Comments");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tDisposition = await getTranslations("CommentDisposition");
  const rows = threads.filter((thread) => thread.moderationState === "PUBLISHED");
  if (rows.length === 0) return null;
  return (
    <TableRegion labelledBy={`${id}-caption`}>
      <table className={styles.table} id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("said")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("version")}</th>
            <th scope="col">{t("disposition")}</th>
            <th scope="col">{t("done")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className={styles.body} lang={row.language} dir={directionOf(row.language)}>
                {row.body}
              </td>
              <td>
                {row.name ? <UserText>{row.name}</UserText> : tc("anonymous")}
                <br />
                <span className="meta">
                  {tGroup(row.stakeholderGroup)} · {tRegion(row.region)}
                </span>
              </td>
              <td>{t("versionN", { n: row.versionNumber })}</td>
              <td>{row.disposition ? tDisposition(row.disposition) : t("pending")}</td>
              <td className={styles.body}>
                {row.dispositionReason && (
                  <>
                    <strong>{tc("reason")}</strong> <UserText>{row.dispositionReason}</UserText>
                    {row.answer && <br />}
                  </>
                )}
                <UserText>{row.answer}</UserText>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

async function CommentTablePage({ params, searchParams }: Props) {
  const set = await load(decodeURIComponent((await params).slug));
  if (!set) notFound();
  const search = await searchParams;
  const group = groupFilterSchema.parse(typeof search.group === "string" ? search.group : undefined);
  const comments = await publicSetComments(set, group);
  const t = await getTranslations("CommentTable");
  const paragraphs = set.sections.flatMap((s) => s.paragraphs);
  const any =
    comments.whole.length +
    comments.removed.length +
    paragraphs.reduce((n, p) => n + (comments.byParagraph.get(p.paragraphId)?.length ?? 0), 0);
  return (
    <>
      <p>
        <Link href={`/messages/${set.slug}`}>{t("back", { title: set.title })}</Link>
      </p>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead", { title: set.title, n: set.version.number })}</p>
      <PeriodNotice set={set} />
      <GroupFilter group={group} />
      {any === 0 && <p>{t(group ? "noneForGroup" : "none")}</p>}
      {paragraphs.map((p) => (
        <Table
          key={p.paragraphId}
          id={`table-p-${p.number}`}
          caption={t("paragraphCaption", { n: p.number })}
          threads={comments.byParagraph.get(p.paragraphId) ?? []}
        />
      ))}
      <Table id="table-set" caption={t("setCaption")} threads={comments.whole} />
      <Table id="table-removed" caption={t("removedCaption")} threads={comments.removed} />
    </>
  );
}

export default withClientMessages(["Deadline"], CommentTablePage);
