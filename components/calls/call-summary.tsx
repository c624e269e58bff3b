// A call as its forum's observers see it on the call's page: everything the editor holds, read-only and
// without a single control (those who may change it get the editor instead).
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/ui/markdown";
import type { ModerationMode, QuestionType } from "@/lib/generated/prisma/enums";
import { GlossaryTerms } from "./glossary-terms";

type Props = {
  call: {
    forumName: string;
    title: string;
    slug: string;
    referencePrefix: string;
    thematicTrack: string;
    introduction: string;
    timeZone: string;
    moderationMode: ModerationMode;
    reportThreshold: number;
    questions: { id: string; prompt: string; helpText: string; type: QuestionType; required: boolean; options: string[] }[];
    glossary: { id: string; term: string; definition: string }[];
  };
};

export async function CallSummary({ call }: Props) {
  const t = await getTranslations("CallEditor");
  const tPage = await getTranslations("CallPage");
  const tType = await getTranslations("QuestionType");
  const tModeration = await getTranslations("CallModeration");
  return (
    <>
      <section aria-labelledby="about-heading" className="editor-section">
        <h2 id="about-heading">{t("about")}</h2>
        {call.thematicTrack && <p className="meta">{tPage("track", { track: call.thematicTrack })}</p>}
        <dl className="receipt">
          <dt>{t("forum")}</dt>
          <dd>{call.forumName}</dd>
          <dt>{t("slug")}</dt>
          <dd>{call.slug}</dd>
          <dt>{t("referencePrefix")}</dt>
          <dd>{call.referencePrefix}</dd>
          <dt>{t("timeZone")}</dt>
          <dd>{call.timeZone}</dd>
          <dt>{tModeration("mode")}</dt>
          <dd>{tModeration(`modes.${call.moderationMode}`)}</dd>
          <dt>{tModeration("threshold")}</dt>
          <dd>{call.reportThreshold}</dd>
        </dl>
      </section>
      {call.introduction && (
        <section aria-labelledby="introduction-heading" className="editor-section">
          <h2 id="introduction-heading">{tPage("introduction")}</h2>
          <Markdown source={call.introduction} />
        </section>
      )}
      <section aria-labelledby="questions-heading" className="editor-section">
        <h2 id="questions-heading">{t("questions")}</h2>
        {call.questions.length === 0 ? (
          <p>{t("noQuestions")}</p>
        ) : (
          <ol className="question-list">
            {call.questions.map((question) => (
              <li key={question.id}>
                <h3>{question.prompt}</h3>
                <p className="meta">
                  {tType(question.type)} · {question.required ? t("requiredYes") : t("requiredNo")}
                </p>
                {question.helpText && <p className="hint">{question.helpText}</p>}
                {question.options.length > 0 && (
                  <p className="hint">{tPage("choices", { choices: question.options.join(" · ") })}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="glossary-heading" className="editor-section">
        <h2 id="glossary-heading">{t("glossary")}</h2>
        {call.glossary.length === 0 ? <p>{t("noTerms")}</p> : <GlossaryTerms terms={call.glossary} />}
      </section>
    </>
  );
}
