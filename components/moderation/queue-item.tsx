// One response in the moderation queue (components/moderation/moderated-item.tsx): a link to the whole
// response, who wrote it (name, email, the identity it was filed under, consent: response-author.tsx) and
// when, and its answers (escaped text); the forms only for those who may moderate in the call's forum
// (`canModerate`).
import { Link } from "@/lib/i18n/navigation";
import { directionOf } from "@/lib/i18n/config";
import { getTranslations } from "next-intl/server";
import { moderateResponseAction } from "@/lib/moderation/actions";
import { LocalDate } from "@/components/ui/local-date";
import type { listQueue } from "@/lib/moderation/queue";
import { BULK_FORM_ID } from "./bulk-form";
import { ModeratedItem, type QueueKind } from "./moderated-item";
import { ResponseAuthorDetails } from "./response-author";
import queueStyles from "./queue.module.css";
import styles from "./queue-item.module.css";

type Item = Awaited<ReturnType<typeof listQueue>>["items"][number];

const responses: QueueKind = {
  texts: "ModerationQueue",
  idField: "responseId",
  action: moderateResponseAction,
};

type Props = { item: Item; tab: string; timeZone: string; canModerate: boolean };

/** How much of the first answer the collapsed item shows. */
const PREVIEW_CHARS = 240;

export async function QueueItem({ item, tab, timeZone, canModerate }: Props) {
  const t = await getTranslations("ModerationQueue");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const label = item.reference ?? item.id;
  const title = <Link href={`/moderation/responses/${encodeURIComponent(item.id)}`}>{label}</Link>;
  // The first lines of the first answer; all of them on demand, so the queue stays short.
  const first = item.answers.find((answer) => answer.text.trim() || answer.choices.length);
  const preview = first && (first.text.trim() || first.choices.join(", "));
  const answers = (
    <details className={styles.answers}>
      <summary>{t("answers", { count: item.answers.length })}</summary>
      {item.answers.map((answer) => (
        <section key={answer.position} className="answer">
          <h4>{`${answer.position}. ${answer.prompt}`}</h4>
          {answer.choices.length > 0 && <p>{answer.choices.join(", ")}</p>}
          {answer.text.trim() && (
            <p className="answer-text" lang={item.language} dir={directionOf(item.language)}>
              {answer.text}
            </p>
          )}
        </section>
      ))}
    </details>
  );
  const choose = (
    <p className={queueStyles.choose}>
      <input type="checkbox" id={`choose-${item.id}`} name="responseIds" value={item.id} form={BULK_FORM_ID} />
      <label htmlFor={`choose-${item.id}`}>{t("bulk.choose", { reference: label })}</label>
    </p>
  );
  return (
    <ModeratedItem
      lead={choose}
      kind={responses}
      item={item}
      tab={tab}
      label={label}
      title={title}
      timeZone={timeZone}
      canModerate={canModerate}
      details={answers}
    >
      {item.author ? (
        <>
          <ResponseAuthorDetails author={item.author} compact />
          {item.submittedAt && (
            <p className="meta">
              {t.rich("submittedAt", { time: () => <LocalDate date={item.submittedAt!} timeZone={timeZone} /> })}
            </p>
          )}
        </>
      ) : (
        <p className="meta">
          {[item.stakeholderGroup && tGroup(item.stakeholderGroup), item.region && tRegion(item.region)]
            .filter(Boolean)
            .join(" · ")}
          {item.submittedAt && (
            <>
              {" · "}
              {t.rich("submitted", { time: () => <LocalDate date={item.submittedAt!} timeZone={timeZone} /> })}
            </>
          )}
          {item.consent === "PRIVATE" && ` · ${t("private")}`}
        </p>
      )}
      {preview && (
        <p className={styles.preview} lang={item.language} dir={directionOf(item.language)}>
          {preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS).trimEnd()}…` : preview}
        </p>
      )}
    </ModeratedItem>
  );
}
