// One paragraph of the working copy: its text (rendered through the sanitizer), its sources with their
// spread, and its tools (edit, move, delete) when `editable`. Every tool is a real button in its own form.
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import {
  deleteParagraphAction,
  editParagraphAction,
  mergeParagraphsAction,
  moveParagraphAction,
  moveParagraphToSectionAction,
  splitParagraphAction,
  unciteAction,
} from "@/lib/messages/actions";
import type { EditableMessageSet } from "@/lib/messages/sets";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { splitPoints } from "@/lib/messages/split-points";
import { ActionButton } from "./action-button";
import styles from "./message-editor.module.css";
import { CitationParts } from "./citation-parts";
import { SplitAtCursor } from "./split-at-cursor";
import { SpreadLine } from "./spread-line";
import { TextForm } from "./text-form";
import { ToolsDisclosure } from "./tools-disclosure";

type Section = EditableMessageSet["sections"][number];
type Props = {
  paragraph: Section["paragraphs"][number];
  section: Section;
  sections: { id: string; heading: string }[];
  /** Whether the reader may change the paragraph (an observer of the forum may not: no tool is shown). */
  editable: boolean;
};

export async function ParagraphItem({ paragraph, section, sections, editable }: Props) {
  const t = await getTranslations("MessageEditor");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const tv = await getTranslations("VersionEditor");
  const points = splitPoints(paragraph.body);
  const name = t("paragraphN", { n: paragraph.number });
  const headingId = `paragraph-${paragraph.id}`;
  const others = sections.filter((s) => s.id !== section.id);
  const citationParts = {
    citations: paragraph.citations.map((c) => ({
      id: c.id,
      label: [c.reference, c.stakeholderGroup && tGroup(c.stakeholderGroup), c.region && tRegion(c.region)]
        .filter(Boolean)
        .join(" · "),
    })),
    labels: {
      legend: tv("citationParts"),
      first: tv("citationFirst"),
      second: tv("citationSecond"),
      both: tv("citationBoth"),
    },
  };
  return (
    <article className={styles.paragraph} aria-labelledby={headingId} id={`p-${paragraph.number}`}>
      <h3 id={headingId}>{name}</h3>
      <Markdown source={paragraph.body} />
      <SpreadLine spread={paragraph.spread} />
      <h4>{t("sources", { count: paragraph.citations.length })}</h4>
      {paragraph.citations.length === 0 ? (
        <p className="meta">{t("noCitations")}</p>
      ) : (
        <ul className={styles.citations}>
          {paragraph.citations.map((c) => (
            <li key={c.id}>
              <strong>{c.reference}</strong>{" "}
              <span className="meta">
                {[c.stakeholderGroup && tGroup(c.stakeholderGroup), c.region && tRegion(c.region)].filter(Boolean).join(" · ")}
                {c.signatories
                  ? ` · ${t("campaignCited", { others: c.signatories - 1 })}`
                  : c.excerptId
                    ? ""
                    : ` · ${t("wholeResponse")}`}
              </span>
              {c.quote && (
                <blockquote className={styles.quote} dir="auto">
                  {c.quote}
                </blockquote>
              )}
              {editable && (
                <ActionButton
                  action={unciteAction}
                  hidden={{ citationId: c.id }}
                  label={t("removeCitation")}
                  context={`${c.reference}, ${name}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          {/* This page with the panel of sources citing into this paragraph (a query on the same address). */}
          <p>
            <a href={`?for=${encodeURIComponent(paragraph.id)}#sources-heading`}>
              {t("findSourcesFor", { n: paragraph.number })}
            </a>
          </p>
          <details>
            <summary>{t("editParagraph", { n: paragraph.number })}</summary>
            <TextForm
              id={`edit-${paragraph.id}`}
              schema="editParagraph"
              action={editParagraphAction}
              hidden={{ paragraphId: paragraph.id }}
              revision={paragraph.revision}
              fields={[
                {
                  name: "body",
                  label: t("body"),
                  hint: t("bodyHint", { max: MESSAGE_LIMITS.body }),
                  rows: 6,
                  maxLength: MESSAGE_LIMITS.body,
                  defaultValue: paragraph.body,
                },
              ]}
              submitLabel={t("saveParagraph")}
              preview
            />
          </details>
          <ToolsDisclosure summary={t("moreTools", { n: paragraph.number })}>
            <SplitAtCursor
              action={splitParagraphAction}
              paragraphId={paragraph.id}
              body={paragraph.body}
              citationParts={<CitationParts idPrefix={`cursor-${paragraph.id}`} {...citationParts} />}
              labels={{
                summary: tv("splitAtCursor", { n: paragraph.number }),
                text: tv("splitText", { n: paragraph.number }),
                hint: tv("splitCursorHint"),
                submit: tv("splitHere", { n: paragraph.number }),
              }}
            />
            <div className="button-row">
              <ActionButton
                action={moveParagraphAction}
                hidden={{ paragraphId: paragraph.id, direction: "up" }}
                label={t("moveUp")}
                context={name}
                available={paragraph.position > 1}
              />
              <ActionButton
                action={moveParagraphAction}
                hidden={{ paragraphId: paragraph.id, direction: "down" }}
                label={t("moveDown")}
                context={name}
                available={paragraph.position < section.paragraphs.length}
              />
              {others.length > 0 && (
                <ActionButton
                  action={moveParagraphToSectionAction}
                  hidden={{ paragraphId: paragraph.id }}
                  label={t("move")}
                  context={name}
                  choice={{
                    name: "sectionId",
                    label: `${t("moveTo")} (${name})`,
                    options: others.map((s) => ({ value: s.id, label: s.heading })),
                  }}
                />
              )}
              {/* Rendered even where they do not apply (`available`), so their confirmation stays. */}
              <ActionButton
                action={mergeParagraphsAction}
                hidden={{ paragraphId: paragraph.id, nextId: section.paragraphs[paragraph.position]?.id ?? "" }}
                label={tv("mergeNext")}
                context={name}
                available={paragraph.position < section.paragraphs.length}
              />
              <ActionButton
                action={splitParagraphAction}
                hidden={{ paragraphId: paragraph.id, length: String(paragraph.body.length) }}
                label={tv("split")}
                context={name}
                available={points.length > 0}
                extra={<CitationParts idPrefix={`sentence-${paragraph.id}`} {...citationParts} />}
                choice={{
                  name: "at",
                  label: tv("splitBefore", { n: paragraph.number }),
                  options: points.map((p) => ({
                    value: String(p.at),
                    label: tv("splitOption", { s: p.sentence, start: p.start }),
                  })),
                }}
              />
              <ActionButton
                action={deleteParagraphAction}
                hidden={{ paragraphId: paragraph.id }}
                label={t("deleteParagraph")}
                context={name}
                danger
              />
            </div>
          </ToolsDisclosure>
        </>
      )}
    </article>
  );
}
