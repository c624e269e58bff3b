import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RetryEmailForm } from "@/components/notifications/retry-email-form";
import { LocalDate } from "@/components/ui/local-date";
import { requireRole } from "@/lib/auth/session";
import { EMAIL_STATUSES, getEmailQueueOverview } from "@/lib/notifications/admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminEmails"))("title") };
}

export default async function AdminEmailsPage() {
  const actor = await requireRole("ADMIN", { returnTo: "/admin/emails" });
  const t = await getTranslations("AdminEmails");
  const tStatus = await getTranslations("EmailStatus");
  const tKind = await getTranslations("NotificationKind");
  const { counts, failed } = await getEmailQueueOverview(actor);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("counts")}</h2>
        <div className="table-wrap">
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
        </div>
      </section>

      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading">{t("failedHeading")}</h2>
        {failed.length === 0 ? (
          <p>{t("noFailed")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("id")}</th>
                  <th scope="col">{t("to")}</th>
                  <th scope="col">{t("subject")}</th>
                  <th scope="col">{t("kind")}</th>
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
                    <td>{job.subject}</td>
                    <td>{tKind(job.kind)}</td>
                    <td>{job.attempts}</td>
                    <td>{job.lastError}</td>
                    <td>
                      <LocalDate date={job.updatedAt} timeZone="UTC" />
                    </td>
                    <td>
                      <RetryEmailForm jobId={job.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
