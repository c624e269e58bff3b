import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/curation/action-button";
import { CodingResponses } from "@/components/curation/coding-responses";
import styles from "@/components/curation/coding.module.css";
import { ExcerptFilters } from "@/components/curation/excerpt-filters";
import { ExcerptSummary } from "@/components/curation/excerpt-summary";
import { FrequencyTable } from "@/components/curation/frequency-table";
import { TagForm } from "@/components/curation/tag-form";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listExcerpts } from "@/lib/curation/excerpts";
import { tagFrequency } from "@/lib/curation/frequency";
import { listResponsesForCoding } from "@/lib/curation/response-view";
import { excerptFiltersSchema } from "@/lib/curation/schemas";
import { getCallForCoding, listTags } from "@/lib/curation/tags";
import { orNotFound } from "@/lib/not-found";
import { createTagAction, deleteTagAction, updateTagAction } from "@/lib/curation/actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Coding"))("title") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

async function CodingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/coding` });
  const t = await getTranslations("Coding");
  const call = await orNotFound(getCallForCoding(user, id));
  const filters = excerptFiltersSchema.parse(await searchParams);
  const [tags, excerpts, frequency, responses] = await Promise.all([
    listTags(user, call.id),
    listExcerpts(user, call.id, filters),
    tagFrequency(user, call.id),
    listResponsesForCoding(user, call.id),
  ]);
  // An observer of the forum reads the coding with no forms.
  const canCurate = can(user, "responses.curate", call.forumId);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="coding" />

      <section aria-labelledby="tags-heading" className="editor-section">
        <h2 id="tags-heading">{t("tagsHeading")}</h2>
        <p>{t("tagsIntro")}</p>
        {tags.length === 0 ? (
          <p>{t("noTags")}</p>
        ) : (
          <ul className={styles.excerptList}>
            {tags.map((tag) => (
              <li key={tag.id}>
                <strong>{tag.name}</strong>
                {tag.description && <> — {tag.description}</>}
                <p className="meta">{t("tagUse", { responses: tag.responseCount, excerpts: tag.excerptCount })}</p>
                {canCurate && (
                  <>
                    <details>
                      <summary>{t("renameTagLabel", { name: tag.name })}</summary>
                      <TagForm
                        action={updateTagAction}
                        target={{ tagId: tag.id, name: tag.name, description: tag.description, revision: tag.revision }}
                        idPrefix={`tag-${tag.id}`}
                      />
                    </details>
                    <ActionButton
                      action={deleteTagAction}
                      fields={{ tagId: tag.id }}
                      label={t("deleteTag")}
                      ariaLabel={t("deleteTagLabel", { name: tag.name })}
                    />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {canCurate && <TagForm action={createTagAction} target={{ callId: call.id }} idPrefix="new-tag" />}
      </section>

      <section aria-labelledby="excerpts-heading" className="editor-section">
        <h2 id="excerpts-heading">{t("excerptsHeading")}</h2>
        <ExcerptFilters callId={call.id} tags={tags} filters={filters} />
        <p className="result-count" role="status">
          {t("excerptCount", { count: excerpts.length })}
        </p>
        <ul className={styles.excerptList}>
          {excerpts.map((excerpt) => (
            <ExcerptSummary key={excerpt.id} excerpt={excerpt} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="frequency-heading" className="editor-section">
        <h2 id="frequency-heading">{t("frequencyHeading")}</h2>
        {frequency.length === 0 ? (
          <p>{t("noFrequency")}</p>
        ) : (
          <>
            <FrequencyTable rows={frequency} by="group" />
            <FrequencyTable rows={frequency} by="region" />
          </>
        )}
      </section>

      <section aria-labelledby="responses-heading" className="editor-section">
        <h2 id="responses-heading">{t("responsesHeading")}</h2>
        <p>{t("responsesIntro")}</p>
        <CodingResponses rows={responses} />
      </section>
    </>
  );
}

export default withClientMessages(["Coding", "EditConflict", "Errors"], CodingPage);
