import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/curation/action-button";
import { AddResponseTag } from "@/components/curation/add-response-tag";
import { AnswerText } from "@/components/curation/answer-text";
import styles from "@/components/curation/coding.module.css";
import { EditExcerptForm } from "@/components/curation/edit-excerpt-form";
import { ExcerptSummary } from "@/components/curation/excerpt-summary";
import { ExcerptTool } from "@/components/curation/excerpt-tool";
import { PasteExcerptForm } from "@/components/curation/paste-excerpt-form";
import { ResponseAuthorDetails } from "@/components/moderation/response-author";
import { AttachmentField } from "@/components/responses/attachment-field";
import { listVisibleAttachments } from "@/lib/attachments/attachments";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getResponseForCuration } from "@/lib/curation/response-view";
import { orNotFound } from "@/lib/not-found";
import {
  createExcerptAction,
  deleteExcerptAction,
  pasteExcerptAction,
  setResponseTagAction,
  updateExcerptAction,
} from "@/lib/curation/actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CodingResponse"))("metaTitle") };
}

type Params = Promise<{ id: string }>;

async function CurationResponsePage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/responses/${encodeURIComponent(id)}` });
  const t = await getTranslations("CodingResponse");
  const [tAuthor, tStatus, tState] = await Promise.all([
    getTranslations("ResponseAuthor"),
    getTranslations("ResponseStatus"),
    getTranslations("CodingModerationState"),
  ]);
  const response = await orNotFound(getResponseForCuration(user, id));
  const reference = response.reference ?? "";
  const callTags = response.call.tags;
  const unused = callTags.filter((tag) => !response.tags.some((own) => own.id === tag.id));
  const excerpts = response.questions.flatMap((q) => q.excerpts);
  const positions = Object.fromEntries(response.questions.map((q) => [q.id, q.position]));
  // Tags and excerpts change only on a submitted response, and only by those who may curate in its forum
  // (an observer reads the page with no forms).
  const canCurate = can(user, "responses.curate", response.call.forumId);
  const editable = canCurate && response.status === "SUBMITTED";
  const recordedFiles =
    response.author.channel !== "FORM" && can(user, "responses.intake", response.call.forumId)
      ? await listVisibleAttachments(user, response.id)
      : null;
  return (
    <>
      <p>
        <Link href={`/moderation/calls/${response.call.id}/coding`}>{t("back")}</Link>
      </p>
      <h1>{t("title", { reference })}</h1>
      <section aria-labelledby="details-heading">
        <h2 id="details-heading" className="visually-hidden">
          {t("details")}
        </h2>
        <dl className="receipt">
          <dt>{t("call")}</dt>
          <dd>{response.call.title}</dd>
          <dt>{t("status")}</dt>
          <dd>{tStatus(response.status)}</dd>
          <dt>{t("moderation")}</dt>
          <dd>{tState(response.moderationState)}</dd>
          <dt>{t("version")}</dt>
          <dd>{response.version}</dd>
        </dl>
      </section>

      {/* Who wrote it, as filed, and what the public sees of it: for the forum's moderators and observers only. */}
      <section aria-labelledby="author-heading">
        <h2 id="author-heading">{tAuthor("heading")}</h2>
        <ResponseAuthorDetails author={response.author} />
      </section>

      {/* A contribution recorded from another channel: its files are added here by those who recorded it. */}
      {recordedFiles && (
        <section aria-labelledby="files-heading">
          <h2 id="files-heading">{t("filesHeading")}</h2>
          <p className="hint">{t("filesHint")}</p>
          <AttachmentField
            responseId={response.id}
            initial={recordedFiles}
            disabled={response.status !== "SUBMITTED"}
            authorHint={false}
          />
        </section>
      )}

      <section aria-labelledby="response-tags-heading">
        <h2 id="response-tags-heading">{t("tagsHeading")}</h2>
        {response.tags.length === 0 ? (
          <p>{t("noResponseTags")}</p>
        ) : (
          <ul className={styles.tagList}>
            {response.tags.map((tag) => (
              <li key={tag.id} className={`badge ${styles.tagItem}`}>
                {tag.name}
                {editable && (
                  <ActionButton
                    action={setResponseTagAction}
                    fields={{ responseId: response.id, tagId: tag.id, op: "remove" }}
                    label={t("removeTag")}
                    ariaLabel={t("removeTagLabel", { name: tag.name })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {!callTags.length && <p>{t("noCallTags")}</p>}
        {editable && unused.length > 0 && <AddResponseTag responseId={response.id} tags={unused} action={setResponseTagAction} />}
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("answersHeading")}</h2>
        {editable && <ExcerptTool responseId={response.id} positions={positions} tags={callTags} action={createExcerptAction} />}
        {response.questions.map((q) => (
          <div key={q.id} className="answer">
            <h3 id={`question-${q.id}`}>{`${q.position}. ${q.prompt}`}</h3>
            {q.text ? (
              <AnswerText
                questionId={q.id}
                text={q.text}
                language={response.language}
                labelledBy={`question-${q.id}`}
                ranges={q.excerpts.flatMap((e) =>
                  e.source.status === "changed" ? [] : [{ start: e.source.start, end: e.source.end }],
                )}
              />
            ) : q.choices.length ? (
              <ul>
                {q.choices.map((choice) => (
                  <li key={choice}>{choice}</li>
                ))}
              </ul>
            ) : (
              <p className="meta">{t("noAnswer")}</p>
            )}
          </div>
        ))}
        {editable && (
          <PasteExcerptForm
            responseId={response.id}
            questions={response.questions.filter((q) => q.text)}
            tags={callTags}
            action={pasteExcerptAction}
          />
        )}
      </section>

      <section aria-labelledby="excerpts-heading">
        <h2 id="excerpts-heading">{t("excerptsHeading")}</h2>
        {excerpts.length === 0 ? (
          <p>{t("noExcerpts")}</p>
        ) : (
          <ul className={styles.excerptList}>
            {excerpts.map((excerpt) => (
              <ExcerptSummary key={excerpt.id} excerpt={excerpt} linkToResponse={false}>
                {canCurate && (
                  <>
                    <details>
                      <summary>{t("editExcerpt")}</summary>
                      <EditExcerptForm
                        excerpt={{
                          id: excerpt.id,
                          note: excerpt.note,
                          tagIds: excerpt.tags.map((tag) => tag.id),
                          revision: excerpt.revision,
                        }}
                        tags={callTags}
                        action={updateExcerptAction}
                      />
                    </details>
                    <ActionButton action={deleteExcerptAction} fields={{ excerptId: excerpt.id }} label={t("deleteExcerpt")} />
                  </>
                )}
              </ExcerptSummary>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export default withClientMessages(["Attachments", "CodingResponse", "EditConflict", "Errors"], CurationResponsePage);
