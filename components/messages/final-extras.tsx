// What the public messages page adds once a version is final: the notice with the downloads (at the top)
// and, after the text, the contributors (named only with their consent), the participation figures (small
// cells suppressed) and the count of comments. Data from lib/messages/final.ts.
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ContributorsTable } from "@/components/calls/contributors-table";
import { ParticipationMatrix } from "@/components/insights/participation-matrix";
import { LocalDate } from "@/components/ui/local-date";
import { Link } from "@/lib/i18n/navigation";
import { getFinalExtras, isFinal } from "@/lib/messages/final";
import type { PublishedMessageSet } from "@/lib/messages/public";
import { SMALL_CELL, type PublicCount } from "@/lib/insights/suppression";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { CONTRIBUTORS_PER_PAGE } from "@/lib/responses/contributors-page";
import { PrintSources } from "./print-sources";
import { UserText } from "@/components/ui/user-text";
import { TableRegion } from "@/components/ui/table-region";
import { Markdown } from "@/components/ui/markdown";

const loadExtras = cache((set: PublishedMessageSet) => getFinalExtras(set));

const downloadHref = (slug: string, file: string) => `/messages/${encodeURIComponent(slug)}/download/${file}`;

/** "Final messages, finalised on …" and the download links; nothing for a set that is not final. */
export async function FinalNotice({ set }: { set: PublishedMessageSet }) {
  if (!isFinal(set)) return null;
  const t = await getTranslations("FinalMessages");
  return (
    <section className="final-notice" aria-labelledby="final-downloads">
      <p className="notice ok">
        {t.rich("notice", { time: () => <LocalDate date={set.version.finalisedAt!} timeZone={set.timeZone} /> })}
      </p>
      <h2 id="final-downloads" className="final-downloads-heading">
        {t("downloadsHeading")}
      </h2>
      <ul className="final-downloads">
        <li>
          <a href={downloadHref(set.slug, "final.pdf")} download>
            {t("downloadPdf")}
          </a>
        </li>
        <li>
          <a href={downloadHref(set.slug, "final.md")} download>
            {t("downloadMarkdown")}
          </a>
        </li>
      </ul>
      <p className="meta final-print-hint">{t("print")}</p>
      <PrintSources />
      <FinalAbstract set={set} />
    </section>
  );
}

/** The forum's logo, above the title of final messages (the forum's publication template); else nothing. */
export async function FinalLogo({ set }: { set: PublishedMessageSet }) {
  if (!isFinal(set)) return null;
  const extras = await loadExtras(set);
  const { logo } = extras.publication;
  if (!logo) return null;
  const t = await getTranslations("FinalMessages");
  // eslint-disable-next-line @next/next/no-img-element -- an uploaded logo served by our own route
  return <img src={logo} alt={t("logoAlt", { forum: extras.forumName })} className="forum-logo final-logo" />;
}

/** The set's abstract, first after the notice on the final messages. */
async function FinalAbstract({ set }: { set: PublishedMessageSet }) {
  const extras = await loadExtras(set);
  if (!extras.abstract) return null;
  const t = await getTranslations("FinalMessages");
  return (
    <section aria-labelledby="final-abstract" className="final-abstract">
      <h2 id="final-abstract">{t("abstractHeading")}</h2>
      <p className="lead">
        <UserText>{extras.abstract}</UserText>
      </p>
    </section>
  );
}

/** The forum's "about" text and contact block, last on the final messages; nothing when the forum has none. */
async function FinalAbout({ extras }: { extras: Awaited<ReturnType<typeof loadExtras>> }) {
  const { about, contact } = extras.publication;
  if (!about && !contact) return null;
  const t = await getTranslations("FinalMessages");
  return (
    <>
      {about && (
        <section aria-labelledby="final-about">
          <h2 id="final-about">{t("aboutHeading", { forum: extras.forumName })}</h2>
          <Markdown source={about} />
        </section>
      )}
      {contact && (
        <section aria-labelledby="final-contact">
          <h2 id="final-contact">{t("contactHeading")}</h2>
          <p className="final-contact">
            <UserText>{contact}</UserText>
          </p>
        </section>
      )}
    </>
  );
}

/** Contributors, commenters and participation of a final set; nothing for a set that is not final. */
export async function FinalExtras({ set }: { set: PublishedMessageSet }) {
  if (!isFinal(set)) return null;
  const extras = await loadExtras(set);
  const t = await getTranslations("FinalMessages");
  const tGroup = await getTranslations("StakeholderGroup");
  const c = extras.contributors;
  const count = (value: PublicCount) => (value === null ? t("fewer", { n: SMALL_CELL }) : String(value));
  return (
    <>
      <section aria-labelledby="final-contributors">
        <h2 id="final-contributors">{t("contributorsHeading")}</h2>
        {!c ? (
          <p>{t("noCall")}</p>
        ) : (
          <>
            <p className="meta">{t("contributorsIntro")}</p>
            <p>
              {t("contributorsSummary", { total: c.total })}{" "}
              {c.total > 0 &&
                t("contributorsBreakdown", { named: c.named.length, anonymous: c.anonymousCount, hidden: c.notPublishedCount })}
            </p>
            <ContributorsTable
              named={c.named.slice(0, CONTRIBUTORS_PER_PAGE)}
              anonymousByGroup={c.anonymousByGroup}
              caption={t("namedCaption")}
              noNamed={t("noNamed")}
              pager={
                c.named.length > CONTRIBUTORS_PER_PAGE &&
                set.call && (
                  <p>
                    {t("contributorsFirst", { shown: CONTRIBUTORS_PER_PAGE, named: c.named.length })}{" "}
                    <Link href={`/calls/${set.call.slug}/contributors?page=2`}>{t("contributorsRest")}</Link>
                  </p>
                )
              }
            />
          </>
        )}
        <h3>{t("commentersHeading")}</h3>
        {extras.commenters.length === 0 ? (
          <p>{t("noCommenters")}</p>
        ) : (
          <>
            <p className="meta">{t("commentersIntro")}</p>
            <ul className="final-commenters">
              {extras.commenters.map((person) => (
                <li key={person.key}>
                  <UserText>{person.name}</UserText> <span className="meta">({tGroup(person.stakeholderGroup)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="final-participation">
        <h2 id="final-participation">{t("participationHeading")}</h2>
        {extras.participation && <ParticipationMatrix figures={extras.participation.table} caption={t("participationCaption")} />}
        <TableRegion labelledBy="final-comments-caption">
          <table className="final-comments">
            <caption id="final-comments-caption">{t("commentsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("group")}</th>
                <th scope="col">{t("comments")}</th>
              </tr>
            </thead>
            <tbody>
              {STAKEHOLDER_GROUPS.map((group) => (
                <tr key={group}>
                  <th scope="row">{tGroup(group)}</th>
                  <td>{count(extras.comments.groups[group])}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("total")}</th>
                <td>{extras.comments.total}</td>
              </tr>
            </tfoot>
          </table>
        </TableRegion>
        <p className="meta">{t("suppression", { n: SMALL_CELL - 1, m: SMALL_CELL })}</p>
      </section>
      <FinalAbout extras={extras} />
    </>
  );
}
