// One campaign on the moderators' page: its size, the range of scores, the first response's text (escaped,
// trimmed by lib/curation/campaigns.ts) and, folded, its members with links to each response.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { MEMBERS_SHOWN, type CampaignsView } from "@/lib/curation/campaigns";
import styles from "./campaign-card.module.css";
import { TableRegion } from "@/components/ui/table-region";

const percent = (score: number) => Math.round(score * 100);

export async function CampaignCard({ campaign }: { campaign: CampaignsView["clusters"][number] }) {
  const t = await getTranslations("Campaigns");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  const headingId = `campaign-${campaign.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("campaign", { size: campaign.size })}</h3>
      <p className="meta">{t("scores", { min: percent(campaign.minScore), max: percent(campaign.maxScore) })}</p>
      <p className="meta">{t("representative")}</p>
      <blockquote className={styles.text} dir="auto">
        {campaign.representativeText}
      </blockquote>
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
                  <td>{percent(member.score)}%</td>
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
