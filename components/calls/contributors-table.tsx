// A call's named contributors as a table (named only with their consent: `listContributors` in
// lib/responses/public.ts decides) and the anonymous ones counted by stakeholder group. Shown on the call's
// contributors page and on the final messages page.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { StakeholderGroup } from "@/lib/generated/prisma/enums";
import { UserText } from "@/components/ui/user-text";
import { TableRegion } from "@/components/ui/table-region";

type Person = {
  name: string | null;
  organisation: string | null;
  onBehalfOf: string | null;
  stakeholderGroup: StakeholderGroup | null;
  reference: string | null;
};

type Props = {
  named: Person[];
  anonymousByGroup: { group: StakeholderGroup; count: number }[];
  caption: string;
  /** What to say when nobody is named. */
  noNamed: string;
  /** Links to the other pages of names (or to where they are), right under the table. */
  pager?: ReactNode;
};

export async function ContributorsTable({ named, anonymousByGroup, caption, noNamed, pager }: Props) {
  const t = await getTranslations("Contributors");
  const tGroup = await getTranslations("StakeholderGroup");
  return (
    <>
      {named.length === 0 ? (
        <p>{noNamed}</p>
      ) : (
        <TableRegion labelledBy="contributors-caption">
          <table className="contributors">
            <caption id="contributors-caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("organisation")}</th>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("response")}</th>
              </tr>
            </thead>
            <tbody>
              {named.map((person, index) => (
                <tr key={person.reference ?? index}>
                  <th scope="row">
                    <UserText>{person.name}</UserText>
                  </th>
                  <td>
                    <UserText>{person.organisation}</UserText>
                    {person.organisation && person.onBehalfOf && " / "}
                    <UserText>{person.onBehalfOf}</UserText>
                  </td>
                  <td>{person.stakeholderGroup && tGroup(person.stakeholderGroup)}</td>
                  <td>
                    {person.reference && (
                      <Link href={`/responses/${encodeURIComponent(person.reference)}`}>{person.reference}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {pager}
      {anonymousByGroup.length > 0 && (
        <ul className="anonymous-contributors">
          {anonymousByGroup.map(({ group, count }) => (
            <li key={group}>{t("anonymous", { count, group: tGroup(group) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
