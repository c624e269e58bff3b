// Two versions of a message set compared, paragraph by paragraph (lib/messages/diff.ts): inline (one text
// with <ins>/<del>) or side by side (a table, old version left). Each paragraph says what happened to it
// ("Edited", "Moved from 4 to 3", "Split from paragraph 2", …) and, on public pages, links to its comments.
// The marks are announced to screen readers in words, not left to colour.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { renderDiffMarkdown } from "@/lib/messages/diff-markdown";
import type { ComparedVersions } from "@/lib/messages/history";
import type { DiffToken } from "@/lib/messages/words";
import styles from "./version-diff.module.css";

type Paragraph = ComparedVersions["sections"][number]["paragraphs"][number];
type Props = { compared: ComparedVersions; view: "inline" | "side"; slug?: string };

/** A paragraph's text: its Markdown rendered (through the sanitizer), the changes marked inside it. */
async function RenderedTokens({ tokens, show }: { tokens: DiffToken[]; show: DiffToken["type"][] }) {
  const t = await getTranslations("PublicVersions");
  const html = renderDiffMarkdown(
    tokens.filter((token) => show.includes(token.type)),
    {
      inserted: t("inserted"),
      insertedEnd: t("insertedEnd"),
      deleted: t("deleted"),
      deletedEnd: t("deletedEnd"),
    },
  );
  return <div className={`prose ${styles.text} ${styles.rendered}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A heading's text (plain, not Markdown) with the changes marked. */
async function Tokens({ tokens, show, inline }: { tokens: DiffToken[]; show: DiffToken["type"][]; inline?: boolean }) {
  if (!inline) return <RenderedTokens tokens={tokens} show={show} />;
  const t = await getTranslations("PublicVersions");
  return (
    <span>
      {tokens
        .filter((token) => show.includes(token.type))
        .map((token, index) =>
          token.type === "insert" ? (
            <ins key={index}>
              <span className="visually-hidden">{t("inserted")} </span>
              {token.text}
              <span className="visually-hidden"> {t("insertedEnd")}</span>
            </ins>
          ) : token.type === "delete" ? (
            <del key={index}>
              <span className="visually-hidden">{t("deleted")} </span>
              {token.text}
              <span className="visually-hidden"> {t("deletedEnd")}</span>
            </del>
          ) : (
            <span key={index}>{token.text}</span>
          ),
        )}
    </span>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"PublicVersions">>>;

function labels(t: T, p: Paragraph) {
  const list = (numbers: number[]) => numbers.join(", ");
  const out: string[] = [];
  // A paragraph that kept its text but was split or absorbed another says only that (not "Unchanged · Merged…").
  if (p.status === "unchanged" && !p.splitInto.length && !p.mergedWith.length) out.push(t("unchanged"));
  if (p.status === "edited") out.push(t("edited"));
  if (p.status === "added") out.push(t("added"));
  if (p.status === "removed") out.push(t("removed"));
  if (p.status === "moved")
    out.push(
      p.fromHeading !== p.toHeading
        ? t("movedSection", { from: p.fromNumber!, to: p.toNumber!, fromHeading: p.fromHeading! })
        : t("moved", { from: p.fromNumber!, to: p.toNumber! }),
    );
  if (p.status === "split" && p.splitFrom) out.push(t("splitFrom", { n: p.splitFrom }));
  if (p.status === "merged" && p.mergedInto) out.push(t("mergedInto", { n: p.mergedInto }));
  if (p.splitInto.length) out.push(t("splitInto", { list: list(p.splitInto) }));
  if (p.mergedWith.length) out.push(t("mergedWith", { list: list(p.mergedWith) }));
  if (p.edited && (p.status === "moved" || p.status === "split")) out.push(t("andEdited"));
  return out.join(" · ");
}

async function Comments({ p, slug }: { p: Paragraph; slug?: string }) {
  const t = await getTranslations("PublicVersions");
  const number = p.toNumber ?? p.fromNumber!;
  const text = `${t("comments", { count: p.comments })}`;
  if (!slug) return <span className="meta">{text}</span>;
  return (
    <Link href={`/messages/${slug}/discuss/${encodeURIComponent(p.paragraphId)}`} className="meta">
      {text}
      <span className="visually-hidden"> {t("commentsOn", { n: number })}</span>
    </Link>
  );
}

export async function VersionDiff({ compared, view, slug }: Props) {
  const t = await getTranslations("PublicVersions");
  const name = (p: Paragraph) => (p.toNumber ? t("paragraphTo", { n: p.toNumber }) : t("paragraphFrom", { n: p.fromNumber! }));
  const sectionNote = { unchanged: "", renamed: t("sectionRenamed"), added: t("sectionAdded"), removed: t("sectionRemoved") };
  return (
    <>
      <p>{t("counts", compared.counts)}</p>
      <p className="hint">{t("legend")}</p>
      {compared.sections.map((section, index) => (
        <section key={section.key} aria-labelledby={`diff-section-${index}`}>
          <h2 id={`diff-section-${index}`}>
            {section.status === "renamed" ? (
              <Tokens tokens={section.headingTokens} show={["equal", "insert", "delete"]} inline />
            ) : (
              (section.headingTo ?? section.headingFrom)
            )}
            {sectionNote[section.status] && (
              <>
                {" "}
                <span className="badge">{sectionNote[section.status]}</span>
              </>
            )}
          </h2>
          {view === "inline" ? (
            section.paragraphs.map((p) => (
              <article key={p.key} className={styles.paragraph} aria-labelledby={`diff-${p.key}`}>
                <h3 id={`diff-${p.key}`}>
                  {name(p)} <span className={`badge ${styles.label}`}>{labels(t, p)}</span>
                </h3>
                {p.tokens.length > 0 && <Tokens tokens={p.tokens} show={["equal", "insert", "delete"]} />}
                <Comments p={p} slug={slug} />
              </article>
            ))
          ) : (
            <table className={styles.table}>
              <caption className="visually-hidden">{section.headingTo ?? section.headingFrom}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("paragraph")}</th>
                  <th scope="col">{t("versionColumn", { n: compared.from.number })}</th>
                  <th scope="col">{t("versionColumn", { n: compared.to.number })}</th>
                </tr>
              </thead>
              <tbody>
                {section.paragraphs.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">
                      {name(p)}
                      <br />
                      <span className={styles.label}>{labels(t, p)}</span>
                      <br />
                      <Comments p={p} slug={slug} />
                    </th>
                    <td>
                      {p.tokens.some((x) => x.type !== "insert") && <Tokens tokens={p.tokens} show={["equal", "delete"]} />}
                    </td>
                    <td>
                      {p.tokens.some((x) => x.type !== "delete") && <Tokens tokens={p.tokens} show={["equal", "insert"]} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
