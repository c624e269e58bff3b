"use client";
// Several items at once: the boxes ticked in a queue (each item's "Choose …" checkbox belongs to this form by
// its `form` attribute). In the responses' queue: approved, hidden with one reason, restored, tagged with one
// of the call's tags or added to one of its campaigns (for those who may curate), in one action
// (lib/moderation/actions.ts, moderateResponsesAction); on the comments page, the comments approved, hidden
// or restored (moderateCommentsAction). A plain form: it posts without JavaScript too; the outcome comes back
// in the page's address. A refusal (nothing ticked, no reason to hide) is said here.
import { useTranslations } from "next-intl";
import { useActionState, useId, useSyncExternalStore } from "react";
import type { FormAction } from "@/lib/actions";
import { moderateCommentsAction, moderateResponsesAction } from "@/lib/moderation/actions";
import { MODERATION_LIMITS } from "@/lib/moderation/schemas";
import styles from "./queue.module.css";

export const BULK_FORM_ID = "bulk-moderation";
export const COMMENT_BULK_FORM_ID = "bulk-comments";

type Op = "approve" | "review" | "hide" | "restore" | "tag" | "campaign";

type Props = {
  /** The responses of a call (its queue), or the comments of a message set. */
  items?: "responses" | "comments";
  /** The call (responses) or the message set (comments) the ticked items belong to. */
  ownerId: string;
  tab: string;
  ops: readonly Op[];
  /** The call's tags, offered when "tag" is among the ops. */
  tags?: { id: string; name: string }[];
  /** The call's campaigns of whole responses, offered when "campaign" is among the ops. */
  campaigns?: { id: string; size: number; reference: string }[];
};

const KINDS = {
  responses: {
    formId: BULK_FORM_ID,
    idsName: "responseIds",
    owner: "callId",
    action: moderateResponsesAction as FormAction<null>,
  },
  comments: {
    formId: COMMENT_BULK_FORM_ID,
    idsName: "commentIds",
    owner: "setId",
    action: moderateCommentsAction as FormAction<null>,
  },
} as const;

/** The queue's form for its responses (texts of "ModerationQueue"). */
export function BulkForm(props: Omit<Props, "items">) {
  const t = useTranslations("ModerationQueue");
  return <ItemsBulkForm {...props} items="responses" t={t} />;
}

export type BulkTexts = ReturnType<typeof useTranslations<"ModerationQueue">>;

/** The form itself, with its texts (`bulk.*` of the caller's namespace): the comments page's is in components/comments. */
export function ItemsBulkForm({
  items = "responses",
  ownerId,
  tab,
  ops,
  tags = [],
  campaigns = [],
  t,
}: Props & { t: BulkTexts }) {
  const kind = KINDS[items];
  const [state, formAction, pending] = useActionState(kind.action, null);
  const id = useId();
  const refused = state && !state.ok ? state : undefined;
  const reasonError = refused?.fieldErrors?.reason?.[0];
  const tagError = refused?.fieldErrors?.tagId?.[0];
  const campaignError = refused?.fieldErrors?.clusterId?.[0];
  // "Choose all on this page" ticks the items' boxes: it needs JavaScript, so it appears only with it.
  const scripted = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const boxes = () => [...document.querySelectorAll<HTMLInputElement>(`input[form="${kind.formId}"][name="${kind.idsName}"]`)];
  return (
    <form id={kind.formId} action={formAction} className={styles.bulk} noValidate>
      <fieldset>
        <legend>{t("bulk.legend")}</legend>
        <input type="hidden" name={kind.owner} value={ownerId} />
        <input type="hidden" name="tab" value={tab} />
        {scripted && (
          <p className={styles.choose}>
            <input
              type="checkbox"
              id={`${id}-all`}
              onChange={(event) => {
                for (const box of boxes()) box.checked = event.currentTarget.checked;
              }}
            />
            <label htmlFor={`${id}-all`}>{t("bulk.chooseAll")}</label>
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-op`}>{t("bulk.op")}</label>
          <select id={`${id}-op`} name="op" defaultValue={refused?.values?.op ?? ops[0]}>
            {ops.map((op) => (
              <option key={op} value={op}>
                {t(`bulk.${op}`)}
              </option>
            ))}
          </select>
        </div>
        {ops.includes("hide") && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t("bulk.reason")}</label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={2}
              maxLength={MODERATION_LIMITS.hideReasonMax}
              defaultValue={refused?.values?.reason ?? ""}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            />
            {reasonError && (
              <p className="field-error" id={`${id}-reason-error`}>
                {reasonError}
              </p>
            )}
          </div>
        )}
        {ops.includes("tag") && (
          <div className="field">
            <label htmlFor={`${id}-tag`}>{t("bulk.tagChoice")}</label>
            <select
              id={`${id}-tag`}
              name="tagId"
              defaultValue={refused?.values?.tagId ?? ""}
              aria-invalid={tagError ? true : undefined}
              aria-describedby={tagError ? `${id}-tag-error` : undefined}
            >
              <option value="">{t("bulk.noTag")}</option>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
            {tagError && (
              <p className="field-error" id={`${id}-tag-error`}>
                {tagError}
              </p>
            )}
          </div>
        )}
        {ops.includes("campaign") && (
          <div className="field">
            <label htmlFor={`${id}-campaign`}>{t("bulk.campaignChoice")}</label>
            <select
              id={`${id}-campaign`}
              name="clusterId"
              defaultValue={refused?.values?.clusterId ?? ""}
              aria-invalid={campaignError ? true : undefined}
              aria-describedby={campaignError ? `${id}-campaign-error` : undefined}
            >
              <option value="">{t("bulk.noCampaign")}</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {t("bulk.campaignOption", { reference: campaign.reference, size: campaign.size })}
                </option>
              ))}
            </select>
            {campaignError && (
              <p className="field-error" id={`${id}-campaign-error`}>
                {campaignError}
              </p>
            )}
          </div>
        )}
        <button type="submit" className="button" disabled={pending}>
          {t("bulk.submit")}
        </button>
        {refused && !reasonError && !tagError && !campaignError && (
          <p className="field-error" role="alert">
            {refused.fieldErrors?.[kind.idsName]?.[0] ?? refused.message}
          </p>
        )}
      </fieldset>
    </form>
  );
}
