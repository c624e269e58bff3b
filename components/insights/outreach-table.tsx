// Past contributors from the missing groups and regions, for moderators (emails included).
import { getTranslations } from "next-intl/server";
import { OUTREACH_LIMIT, type OutreachContact } from "@/lib/insights/outreach";
import { UserText } from "@/components/ui/user-text";
import { TableRegion } from "@/components/ui/table-region";

export async function OutreachTable({ contacts }: { contacts: OutreachContact[] }) {
  const t = await getTranslations("Outreach");
  const tGroup = await getTranslations("StakeholderGroup");
  const tRegion = await getTranslations("UnRegion");
  return (
    <>
      <p className="hint">{t("intro", { limit: OUTREACH_LIMIT })}</p>
      {contacts.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableRegion labelledBy="outreach-caption">
          <table>
            <caption id="outreach-caption">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("organisation")}</th>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("email")}</th>
                <th scope="col">{t("from")}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    <UserText>{contact.name}</UserText>
                  </th>
                  <td>
                    <UserText>{contact.organisation}</UserText>
                  </td>
                  <td>{tGroup(contact.group)}</td>
                  <td>{tRegion(contact.region)}</td>
                  <td>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </td>
                  <td>{contact.sameForum ? t("sameForum") : t("otherForum")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
