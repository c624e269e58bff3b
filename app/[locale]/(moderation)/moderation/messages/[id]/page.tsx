import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import styles from "@/components/messages/message-editor.module.css";
import { SectionBlock } from "@/components/messages/section-block";
import { SourcePanel } from "@/components/messages/source-panel";
import { TextForm } from "@/components/messages/text-form";
import { VersionList } from "@/components/messages/version-list";
import { Markdown } from "@/components/ui/markdown";
import { updateMessageSetAction, addSectionAction } from "@/lib/messages/actions";
import { can } from "@/lib/auth/permissions";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { MESSAGE_LIMITS, SOURCE_NOTES, sourceSearchSchema } from "@/lib/messages/schemas";
import { getMessageSetForEditing, type EditableMessageSet } from "@/lib/messages/sets";
import { listCallTags, searchExcerpts, searchResponses, listCitableCampaigns } from "@/lib/messages/sources";
import { orNotFound } from "@/lib/not-found";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MessageSets"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function MessageEditorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/messages/${encodeURIComponent(id)}` });
  const set = await orNotFound(getMessageSetForEditing(user, id));
  // An observer of the forum reads the draft as it stands: no form, no button, no source panel.
  const editable = can(user, "messages.edit", set.call.forumId);
  const t = await getTranslations("MessageEditor");
  const tStatus = await getTranslations("MessageSetStatus");

  return (
    <>
      <p>
        <Link href={`/moderation/calls/${encodeURIComponent(set.callId)}/messages`}>{t("toSets")}</Link>
      </p>
      <h1>{set.title}</h1>
      <p className="lead">
        {set.call.title} · <span className="badge">{tStatus(set.status)}</span>
      </p>
      <CallToolsNav callId={set.callId} forumId={set.call.forumId} current="messages" />
      <p>
        <Link href={`/moderation/messages/${encodeURIComponent(set.id)}/comments`}>
          {(await getTranslations("CommentModeration"))("editorLink")}
        </Link>
        {editable && (
          <>
            {" · "}
            <Link href={`/moderation/messages/${encodeURIComponent(set.id)}/translations`}>
              {(await getTranslations("Translations"))("editorLink")}
            </Link>
          </>
        )}
      </p>
      <div className={editable ? styles.layout : undefined}>
        <div>
          <details className="editor-section">
            <summary>{t("details")}</summary>
            <p className="meta">{t("address", { path: `/messages/${set.slug}` })}</p>
            {editable ? (
              <TextForm
                id="set"
                schema="updateSet"
                action={updateMessageSetAction}
                hidden={{ setId: set.id }}
                revision={set.revision}
                fields={[
                  { name: "title", label: t("setTitle"), maxLength: MESSAGE_LIMITS.title, defaultValue: set.title },
                  {
                    name: "introduction",
                    label: t("introduction"),
                    hint: t("introductionHint"),
                    rows: 4,
                    maxLength: MESSAGE_LIMITS.introduction,
                    defaultValue: set.introduction,
                  },
                  {
                    name: "abstract",
                    label: t("abstract"),
                    hint: t("abstractHint", { max: MESSAGE_LIMITS.abstract }),
                    rows: 3,
                    maxLength: MESSAGE_LIMITS.abstract,
                    defaultValue: set.abstract,
                  },
                  {
                    name: "sourceNotes",
                    label: t("sourceNotes"),
                    hint: t("sourceNotesHint"),
                    defaultValue: set.sourceNotes,
                    options: SOURCE_NOTES.map((value) => ({ value, label: t(`sourceNotesChoice.${value}`) })),
                  },
                ]}
                submitLabel={t("saveDetails")}
                preview
              />
            ) : (
              set.introduction && <Markdown source={set.introduction} />
            )}
          </details>
          {set.sections.length === 0 && <p>{t("noSections")}</p>}
          {set.sections.map((section) => (
            <SectionBlock key={section.id} set={set} section={section} editable={editable} />
          ))}
          {editable && (
            <section aria-labelledby="add-section-heading" className="editor-section">
              <h2 id="add-section-heading">{t("addSection")}</h2>
              <TextForm
                id="add-section"
                schema="addSection"
                action={addSectionAction}
                hidden={{ setId: set.id }}
                fields={[{ name: "heading", label: t("heading"), maxLength: MESSAGE_LIMITS.heading }]}
                submitLabel={t("addSection")}
                resetOnSuccess
              />
            </section>
          )}
          <VersionList set={set} editable={editable} />
        </div>
        {editable && <Sources user={user} set={set} searchParams={searchParams} />}
      </div>
    </>
  );
}

/** The panel of citable sources: a tool for citing, so only for those who may edit the set. */
async function Sources({
  user,
  set,
  searchParams,
}: {
  user: SessionUser;
  set: EditableMessageSet;
  searchParams: Props["searchParams"];
}) {
  const raw = await searchParams;
  const search = sourceSearchSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [tags, excerpts, responses, campaigns] = await Promise.all([
    listCallTags(user, set.callId),
    searchExcerpts(user, set.callId, search),
    searchResponses(user, set.callId, search),
    listCitableCampaigns(user, set.callId),
  ]);
  const paragraphs = set.sections.flatMap((s) => s.paragraphs.map((p) => ({ id: p.id, number: p.number })));
  return (
    <SourcePanel
      setId={set.id}
      search={search}
      tags={tags}
      excerpts={excerpts}
      responses={responses}
      campaigns={campaigns}
      paragraphs={paragraphs}
    />
  );
}

export default withClientMessages(["Deadline", "EditConflict", "Errors", "MessageEditor"], MessageEditorPage);
