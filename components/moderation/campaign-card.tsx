// One campaign on the moderators' page: its size, the question it was found in (if only in one question's
// answers), the range of scores, the first response's text (escaped, trimmed by lib/curation/campaigns.ts),
// a form to tag every member at once (for those who may curate) and, folded, its members with links.
import { ActionButton } from "@/components/messages/action-button";
import { tagCampaignAction } from "@/lib/curation/campaign-actions";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { MEMBERS_SHOWN, type CampaignsView } from "@/lib/curation/campaigns";
import styles from "./campaign-card.module.css";
import { TableRegion } from "@/components/ui/table-region";

const percent = (score: number) => Math.round(score * 100);

type Props = {
  campaign: CampaignsView["clusters"][number];
  /** The call's tags, when the reader may curate (the tag-all form); null otherwise. */
  tags: { id: string; name: string }[] | null;
};

export async function CampaignCard({ campaign, tags }: Props) {
  const t = await getTranslations("Campaigns");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const headingId = `campaign-${campaign.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("campaign", { size: campaign.size })}</h3>
      {campaign.question && (
        <p>
          <strong>{t("inQuestion", { n: campaign.question.position, prompt: campaign.question.prompt })}</strong>
        </p>
      )}
      <p className="meta">{t("scores", { min: percent(campaign.minScore), max: percent(campaign.maxScore) })}</p>
      <p className="meta">{t(campaign.question ? "answerRepresentative" : "representative")}</p>
      <blockquote className={styles.text} dir="auto">
        {campaign.representativeText}
      </blockquote>
      {tags &&
        (tags.length > 0 ? (
          <ActionButton
            action={tagCampaignAction}
            hidden={{ clusterId: campaign.id }}
            label={t("tagAll")}
            context={t("campaign", { size: campaign.size })}
            choice={{ name: "tagId", label: t("tagAllLabel"), options: tags.map((tag) => ({ value: tag.id, label: tag.name })) }}
          />
        ) : (
          <p className="hint">{t("noTags")}</p>
        ))}
      <details className={styles.members}>
        <summary>{t("members", { size: campaign.size })}</summary>
        {campaign.size > MEMBERS_SHOWN && (
          <p className="hint">{t("membersCapped", { shown: MEMBERS_SHOWN, size: campaign.size })}</p>
        )}
        <TableRegion labelledBy={headingId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reference")}</th>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("score")}</th>
                <th scope="col">{t("consent")}</th>
              </tr>
            </thead>
            <tbody>
              {campaign.members.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    <Link href={`/moderation/responses/${encodeURIComponent(member.id)}`}>{member.reference ?? member.id}</Link>
                    {member.representative && ` (${t("first")})`}
                    {member.status === "WITHDRAWN" && ` (${t("withdrawn")})`}
                  </th>
                  <td>{member.stakeholderGroup ? tGroup(member.stakeholderGroup) : t("unknown")}</td>
                  <td>{member.region ? tRegion(member.region) : t("unknown")}</td>
                  <td>
                    {percent(member.score)}%{member.byHand && ` · ${t("byHand")}`}
                  </td>
                  <td>{t(`consentLabel.${member.consent}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </li>
  );
}
