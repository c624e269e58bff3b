// One excerpt as a list item: its own quote (always the quote as saved), where it comes from, whether the
// source still reads the same, its tags and note. Actions (edit, delete) come in as children.
import { Link } from "@/lib/i18n/navigation";
import { directionOf } from "@/lib/i18n/config";
import { getTranslations } from "next-intl/server";
import type { ExcerptListItem } from "@/lib/curation/excerpts";
import styles from "./coding.module.css";

export async function ExcerptSummary({
  excerpt,
  children,
  linkToResponse = true,
}: {
  excerpt: ExcerptListItem;
  children?: React.ReactNode;
  linkToResponse?: boolean;
}) {
  const t = await getTranslations("Coding");
  const tResponse = await getTranslations("CodingResponse");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const reference = excerpt.response.reference ?? "";
  const { source } = excerpt;
  return (
    <li>
      <blockquote className={styles.quote} lang={excerpt.response.language} dir={directionOf(excerpt.response.language)}>
        {excerpt.quote}
      </blockquote>
      <p className="meta">
        {t("fromResponse", { reference, position: excerpt.question.position })}
        {excerpt.response.stakeholderGroup && <> · {tGroup(excerpt.response.stakeholderGroup)}</>}
        {excerpt.response.region && <> · {tRegion(excerpt.response.region)}</>}
        {" · "}
        {tResponse("quotedFrom", { version: excerpt.sourceVersion, position: excerpt.question.position })}
      </p>
      {source.status !== "unchanged" && (
        <p>
          <span className={`badge ${source.status === "changed" ? styles.changed : ""}`}>
            {source.status === "changed" ? tResponse("sourceChanged") : tResponse("sourceMoved")}
          </span>
        </p>
      )}
      {excerpt.tags.length > 0 && (
        <ul className={styles.tagList} aria-label={tResponse("excerptTags")}>
          {excerpt.tags.map((tag) => (
            <li key={tag.id} className="badge">
              {tag.name}
            </li>
          ))}
        </ul>
      )}
      {excerpt.note && <p>{excerpt.note}</p>}
      {linkToResponse && (
        <p>
          <Link href={`/moderation/responses/${excerpt.response.id}`}>{t("openResponse", { reference })}</Link>
        </p>
      )}
      {children}
    </li>
  );
}
