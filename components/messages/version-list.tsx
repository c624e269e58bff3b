// Saved versions of a message set, newest first, with their comment periods and the tools of each: publish
// (with or without a comment period, opening now or at a set time), close or cancel a period (with the
// reason, which is published and emailed), mark final; and the form that saves the
// working copy as a new version; the tools and the form only when `editable` (an observer of the forum
// sees the list). Only one comment period at a time (lib/messages/versions.ts).
import { Link } from "@/lib/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import { closeCommentPeriodAction, finaliseVersionAction, publishVersionAction, saveVersionAction } from "@/lib/messages/actions";
import { commentPeriodState } from "@/lib/messages/period";
import type { EditableMessageSet } from "@/lib/messages/sets";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { VERSION_LIMITS } from "@/lib/messages/version-limits";
import { TextForm } from "./text-form";
import { VersionForm } from "./version-form";

type Props = { set: EditableMessageSet; editable: boolean; now?: Date };

export async function VersionList({ set, editable, now = new Date() }: Props) {
  const t = await getTranslations("MessageEditor");
  const locale = await getLocale();
  const tv = await getTranslations("VersionEditor");
  const final = set.versions.find((v) => v.finalisedAt);
  const latestPublished = set.versions.find((v) => v.publishedAt)?.number ?? 0;
  const zone = set.call.timeZone;
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  /** The checklist before marking version `v` final, in words (lib/messages/final-checklist.ts). */
  const checklistOf = (v: { id: string; number: number }) => {
    const checklist = set.checklists.get(v.id);
    if (!checklist) return undefined;
    const { unsourced, unanswered } = checklist;
    return {
      heading: tv("checklistHeading", { n: v.number }),
      done: tv("checkDone"),
      toDo: tv("checkToDo"),
      items: [
        {
          done: !checklist.introduction,
          text: tv(checklist.introduction ? "checkIntroduction" : "checkNoIntroduction"),
        },
        {
          done: unsourced.length === 0,
          text:
            unsourced.length === 0
              ? tv("checkSourced")
              : tv("checkUnsourced", { count: unsourced.length, list: list.format(unsourced.map(String)) }),
        },
        { done: unanswered === 0, text: unanswered === 0 ? tv("checkAnswered") : tv("checkUnanswered", { count: unanswered }) },
      ],
      reviewed: tv("reviewedIntroduction", { n: v.number }),
      acceptGaps: unsourced.length > 0 || unanswered > 0 ? tv("acceptGaps") : undefined,
    };
  };
  return (
    <section aria-labelledby="versions-heading" className="editor-section">
      <h2 id="versions-heading">{t("versions")}</h2>
      {final ? (
        <p className="notice">{tv("finalNotice", { n: final.number })}</p>
      ) : (
        editable && (
          <>
            <p className="hint">{t("saveVersionHint")}</p>
            <TextForm
              id="save-version"
              schema="saveVersion"
              action={saveVersionAction}
              hidden={{ setId: set.id }}
              fields={[{ name: "summary", label: t("summary"), hint: tv("summaryHint"), maxLength: MESSAGE_LIMITS.summary }]}
              submitLabel={t("saveVersion")}
              resetOnSuccess
            />
            <p className="hint">{tv("rule")}</p>
          </>
        )
      )}
      {set.versions.length === 0 ? (
        <p>{t("noVersions")}</p>
      ) : (
        <ul>
          {set.versions.map((v) => {
            const period = commentPeriodState(v, now);
            const open = period === "open" || period === "upcoming";
            return (
              <li key={v.id} id={`version-${v.number}`}>
                <strong>{t("versionN", { n: v.number })}</strong>
                {v.finalisedAt && (
                  <>
                    {" "}
                    <span className="badge">{tv("final")}</span>
                  </>
                )}
                {v.summary && <>: {v.summary}</>}{" "}
                <span className="meta">
                  ({t("savedOn")} <LocalDate date={v.createdAt} timeZone={zone} />
                  {", "}
                  {v.publishedAt ? (
                    <>
                      {t("publishedOn")} <LocalDate date={v.publishedAt} timeZone={zone} />
                    </>
                  ) : (
                    t("notPublished")
                  )}
                  {period === "open" && (
                    <>
                      , {tv("periodOpenUntil")} <LocalDate date={v.commentClosesAt!} timeZone={zone} reader />
                    </>
                  )}
                  {period === "upcoming" && (
                    <>
                      , {tv("periodOpensOn")} <LocalDate date={v.commentOpensAt!} timeZone={zone} reader />
                    </>
                  )}
                  {period === "closed" && (
                    <>
                      , {tv("periodClosedOn")} <LocalDate date={v.commentClosesAt!} timeZone={zone} reader />
                    </>
                  )}
                  )
                </span>
                {editable && !final && !v.publishedAt && v.number > latestPublished && (
                  <div>
                    <VersionForm
                      action={publishVersionAction}
                      versionId={v.id}
                      submitLabel={tv("publish", { n: v.number })}
                      period={{
                        opensLabel: tv("opensAt"),
                        closesLabel: tv("closesAt"),
                        hint: tv("publishHint", { zone, days: VERSION_LIMITS.periodMaxDays }),
                        when: tv("opensWhen"),
                        at: tv("opensAtTime"),
                        now: tv("opensNow"),
                      }}
                    />
                    <VersionForm
                      action={finaliseVersionAction}
                      versionId={v.id}
                      submitLabel={tv("publishFinal", { n: v.number })}
                      checklist={checklistOf(v)}
                      confirm={tv("confirmFinal", { n: v.number })}
                    />
                  </div>
                )}
                {/* Kept once the period is over (unavailable), so that the confirmation stays said. */}
                {editable && !final && v.publishedAt && (
                  <VersionForm
                    action={closeCommentPeriodAction}
                    versionId={v.id}
                    submitLabel={tv(period === "open" ? "closePeriod" : "cancelPeriod", { n: v.number })}
                    reason={{
                      label: tv("periodEndReason", { n: v.number }),
                      hint: tv("periodEndReasonHint", { max: MESSAGE_LIMITS.periodEndReason }),
                      maxLength: MESSAGE_LIMITS.periodEndReason,
                    }}
                    available={open}
                    danger
                  />
                )}
                {editable && !final && v.publishedAt && v.number === latestPublished && !open && (
                  <VersionForm
                    action={finaliseVersionAction}
                    versionId={v.id}
                    submitLabel={tv("markFinal", { n: v.number })}
                    checklist={checklistOf(v)}
                    confirm={tv("confirmFinal", { n: v.number })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {set.versions.length > 1 && (
        <p>
          <Link href={`/moderation/messages/${set.id}/compare`}>{tv("compare")}</Link>
        </p>
      )}
      {(set.status === "PUBLISHED" || set.status === "FINAL") && (
        <p>
          <Link href={`/messages/${set.slug}`}>{t("viewPublic")}</Link>
        </p>
      )}
    </section>
  );
}
