// A numbered paragraph of published messages, with its sources one click away. A source that is no longer
// public (hidden, withdrawn, removed) is listed without any detail of it.
import { UserText } from "@/components/ui/user-text";
import { sourceAuthor } from "@/lib/messages/final-document";
import { Link } from "@/lib/i18n/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { langProps } from "@/components/i18n/content-language";
import { Markdown } from "@/components/ui/markdown";
import type { PublishedMessageSet } from "@/lib/messages/public";
import { spreadGroupsText } from "@/lib/messages/spread";
import styles from "./message-editor.module.css";

type Paragraph = PublishedMessageSet["sections"][number]["paragraphs"][number];

export async function PublishedParagraph({ paragraph, children }: { paragraph: Paragraph; children?: ReactNode }) {
  const t = await getTranslations("PublicMessages");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const { sources } = paragraph;
  const locale = await getLocale();
  return (
    <li id={`p-${paragraph.number}`} value={paragraph.number}>
      <div {...langProps(paragraph.lang, locale)}>
        <Markdown source={paragraph.body} />
      </div>
      {sources.length === 0 ? (
        <p className="meta">{t("noSources")}</p>
      ) : (
        <details>
          <summary>{t("sources", { n: paragraph.number, count: sources.length })}</summary>
          <p className="meta">{t("drawsOn", { groups: spreadGroupsText(paragraph.spread, (g) => tGroup(g)) })}</p>
          <ul className={styles.citations}>
            {sources.map((source, index) =>
              source.available ? (
                <li key={index}>
                  {/* Named where the author agreed; otherwise by group and region, after the receipt number. */}
                  {sourceAuthor(source) && (
                    <>
                      <UserText>{sourceAuthor(source)}</UserText>
                      {" · "}
                    </>
                  )}
                  <Link href={`/responses/${encodeURIComponent(source.reference)}`}>{source.reference}</Link>{" "}
                  <span className="meta">
                    {[
                      source.stakeholderGroup && tGroup(source.stakeholderGroup),
                      source.region && tRegion(source.region),
                      source.signatories && source.signatories > 1 && t("signatories", { others: source.signatories - 1 }),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  {source.quote && (
                    <blockquote className={styles.quote} dir="auto">
                      {source.quote}
                    </blockquote>
                  )}
                </li>
              ) : (
                <li key={index}>{t(source.removed ? "removed" : "unavailable")}</li>
              ),
            )}
          </ul>
        </details>
      )}
      {children}
    </li>
  );
}
