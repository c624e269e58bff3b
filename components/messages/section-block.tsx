// A heading of the working copy with its paragraphs, the heading's tools and the form for a new paragraph
// (the tools and the form only when `editable`: an observer of the forum reads the heading as it stands).
import { getTranslations } from "next-intl/server";
import { addParagraphAction, deleteSectionAction, moveSectionAction, renameSectionAction } from "@/lib/messages/actions";
import type { EditableMessageSet } from "@/lib/messages/sets";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { ActionButton } from "./action-button";
import { ParagraphItem } from "./paragraph-item";
import { TextForm } from "./text-form";

type Props = { set: EditableMessageSet; section: EditableMessageSet["sections"][number]; editable: boolean };

export async function SectionBlock({ set, section, editable }: Props) {
  const t = await getTranslations("MessageEditor");
  const context = t("sectionActions", { heading: section.heading });
  const sections = set.sections.map((s) => ({ id: s.id, heading: s.heading }));
  return (
    <section aria-labelledby={`section-${section.id}`} className="editor-section">
      <h2 id={`section-${section.id}`}>{section.heading}</h2>
      {editable && (
        <>
          <div className="button-row">
            {section.position > 1 && (
              <ActionButton
                action={moveSectionAction}
                hidden={{ sectionId: section.id, direction: "up" }}
                label={t("moveUp")}
                context={context}
              />
            )}
            {section.position < set.sections.length && (
              <ActionButton
                action={moveSectionAction}
                hidden={{ sectionId: section.id, direction: "down" }}
                label={t("moveDown")}
                context={context}
              />
            )}
            <ActionButton
              action={deleteSectionAction}
              hidden={{ sectionId: section.id }}
              label={t("deleteSection")}
              context={context}
              danger
            />
          </div>
          <details>
            <summary>
              {t("renameSection")} <span className="visually-hidden">{context}</span>
            </summary>
            <TextForm
              id={`rename-${section.id}`}
              schema="renameSection"
              action={renameSectionAction}
              hidden={{ sectionId: section.id }}
              revision={section.revision}
              fields={[
                { name: "heading", label: t("heading"), maxLength: MESSAGE_LIMITS.heading, defaultValue: section.heading },
              ]}
              submitLabel={t("renameSection")}
            />
          </details>
        </>
      )}
      {section.paragraphs.length === 0 && <p>{t("noParagraphs")}</p>}
      {section.paragraphs.map((paragraph) => (
        <ParagraphItem key={paragraph.id} paragraph={paragraph} section={section} sections={sections} editable={editable} />
      ))}
      {editable && (
        <TextForm
          id={`add-${section.id}`}
          schema="addParagraph"
          action={addParagraphAction}
          hidden={{ sectionId: section.id }}
          fields={[
            {
              name: "body",
              label: t("newParagraph", { heading: section.heading }),
              hint: t("bodyHint", { max: MESSAGE_LIMITS.body }),
              rows: 4,
              maxLength: MESSAGE_LIMITS.body,
            },
          ]}
          submitLabel={t("addParagraph")}
          preview
          resetOnSuccess
        />
      )}
    </section>
  );
}
