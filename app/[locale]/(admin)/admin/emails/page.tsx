import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { retryEmailAction, retryJobAction } from "@/lib/notifications/admin-actions";
import { RetryForm } from "@/components/notifications/retry-form";
import { LocalDate } from "@/components/ui/local-date";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getJobOverview, JOB_STATES } from "@/lib/jobs/admin";
import { EMAIL_STATUSES, getEmailQueueOverview } from "@/lib/notifications/admin";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminEmails"))("title") };
}

async function AdminEmailsPage() {
  const actor = await requirePermission("emails.manage", { returnTo: "/admin/emails" });
  const platform = can(actor, "operations.manage");
  const t = await getTranslations("AdminEmails");
  const tStatus = await getTranslations("EmailStatus");
  const tKind = await getTranslations("NotificationKind");
  const tState = await getTranslations("JobState");
  const [{ counts, failed }, jobs] = await Promise.all([getEmailQueueOverview(actor), getJobOverview(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {!platform && <p>{t("forumScope")}</p>}

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("counts")}</h2>
        <TableRegion labelledBy="counts-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {EMAIL_STATUSES.map((status) => (
                <tr key={status}>
                  <th scope="row">{tStatus(status)}</th>
                  <td>{counts[status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading">{t("failedHeading")}</h2>
        {failed.length === 0 ? (
          <p>{t("noFailed")}</p>
        ) : (
          <TableRegion labelledBy="failed-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("id")}</th>
                  <th scope="col">{t("to")}</th>
                  <th scope="col">
                    {t("subject")} <span className="meta">{t("kind")}</span>
                  </th>
                  <th scope="col">{t("forum")}</th>
                  <th scope="col">{t("attempts")}</th>
                  <th scope="col">{t("lastError")}</th>
                  <th scope="col">{t("when")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("retry")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {failed.map((job) => (
                  <tr key={job.id}>
                    <th scope="row">{job.id}</th>
                    <td>{job.to}</td>
                    <td>
                      {job.subject}
                      <span className="meta filed-under">{job.kind ? tKind(job.kind) : t("serviceEmail")}</span>
                    </td>
                    <td>{job.forum ? job.forum.name : t("platform")}</td>
                    <td>{job.attempts}</td>
                    <td>{job.lastError}</td>
                    <td>
                      <LocalDate date={job.updatedAt} timeZone="UTC" />
                    </td>
                    <td>
                      <RetryForm action={retryEmailAction} fields={{ jobId: job.id }} label={t("retryLabel", { id: job.id })} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {jobs.queues && (
        <section aria-labelledby="jobs-heading">
          <h2 id="jobs-heading">{t("jobsHeading")}</h2>
          <p>{t("jobsIntro")}</p>
          <TableRegion labelledBy="jobs-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("queue")}</th>
                  {JOB_STATES.map((state) => (
                    <th scope="col" key={state}>
                      {tState(state)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {jobs.queues.map((queue) => (
                  <tr key={queue.name}>
                    <th scope="row">
                      <code>{queue.name}</code>
                    </th>
                    {JOB_STATES.map((state) => (
                      <td key={state}>{queue.counts[state]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      )}

      <section aria-labelledby="failed-jobs-heading">
        <h2 id="failed-jobs-heading">{t("failedJobsHeading")}</h2>
        {jobs.failed.length === 0 ? (
          <p>{t("noFailedJobs")}</p>
        ) : (
          <TableRegion labelledBy="failed-jobs-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("queue")}</th>
                  <th scope="col">{t("forum")}</th>
                  <th scope="col">{t("jobData")}</th>
                  <th scope="col">{t("jobError")}</th>
                  <th scope="col">{t("attempts")}</th>
                  <th scope="col">{t("when")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("retry")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {jobs.failed.map((job) => (
                  <tr key={job.id}>
                    <th scope="row">
                      <code>{job.name}</code>
                    </th>
                    <td>{job.forumName ?? t("platform")}</td>
                    <td>
                      <code>{job.data}</code>
                    </td>
                    <td>{job.error}</td>
                    <td>{job.retries + 1}</td>
                    <td>
                      <LocalDate date={job.at} timeZone="UTC" />
                    </td>
                    <td>
                      <RetryForm
                        action={retryJobAction}
                        fields={{ queue: job.name, jobId: job.id }}
                        label={t("jobRetryLabel", { id: job.id })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </>
  );
}

export default withClientMessages(["AdminEmails", "Deadline"], AdminEmailsPage);
