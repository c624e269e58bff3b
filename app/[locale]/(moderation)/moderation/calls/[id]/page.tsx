import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CallEditor } from "@/components/calls/call-editor";
import { CallSummary } from "@/components/calls/call-summary";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { PublicationForm } from "@/components/calls/publication-form";
import { LocalDate } from "@/components/ui/local-date";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { callFormValues } from "@/lib/calls/form-values";
import { getCallForEditing, listForums } from "@/lib/calls/manage";
import { timeZones } from "@/lib/calls/time";
import { orNotFound } from "@/lib/not-found";
import { publishCallAction, unpublishCallAction, updateCallAction } from "@/lib/calls/actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CallEditor"))("editTitle") };
}

type Params = Promise<{ id: string }>;
type Search = Promise<{ created?: string }>;

async function EditCallPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/calls/${encodeURIComponent(id)}` });
  const t = await getTranslations("CallEditor");
  const tStatus = await getTranslations("CallStatus");
  const tHelp = await getTranslations("CallStatusHelp");
  const { created } = await searchParams;
  const call = await orNotFound(getCallForEditing(user, id));
  // The forum's observers read the call; only those who may manage its calls get the controls.
  const manages = can(user, "calls.manage", call.forumId);
  const forums = manages ? await listForums(user) : [];
  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      {created && (
        <p className="notice ok" role="status">
          {t("created")}
        </p>
      )}
      {manages ? (
        <>
          <h1>{t("editTitle")}</h1>
          <p className="lead">{call.title}</p>
        </>
      ) : (
        <h1>{call.title}</h1>
      )}
      <CallToolsNav callId={call.id} forumId={call.forumId} current="edit" />
      <section aria-labelledby="status-heading" className="editor-section status-panel">
        <h2 id="status-heading">{t("statusHeading")}</h2>
        <p>
          {t("statusIs")} <span className="badge">{tStatus(call.status)}</span>
        </p>
        <p>{tHelp(call.status)}</p>
        <p className="meta">
          {t.rich("window", {
            opens: () => <LocalDate date={call.opensAt} timeZone={call.timeZone} reader />,
            closes: () => <LocalDate date={call.closesAt} timeZone={call.timeZone} reader />,
          })}
        </p>
        <p className="meta">{t("responseCount", { count: call.responseCount })}</p>
        {manages && (
          <p className="hint">
            {call.publishedAt ? (call.responseCount ? t("cannotUnpublish") : t("unpublishHint")) : t("publishHint")}
          </p>
        )}
        {manages && !(call.publishedAt && call.responseCount) && (
          <PublicationForm
            key={String(Boolean(call.publishedAt))}
            callId={call.id}
            published={Boolean(call.publishedAt)}
            publish={publishCallAction}
            unpublish={unpublishCallAction}
          />
        )}
      </section>
      {manages ? (
        <CallEditor
          action={updateCallAction}
          callId={call.id}
          revision={call.revision}
          defaults={callFormValues(call)}
          forums={forums}
          timeZones={timeZones()}
          locked={call.questionsLocked}
        />
      ) : (
        <CallSummary call={call} />
      )}
    </>
  );
}

export default withClientMessages(
  ["CallEditor", "CallModeration", "Deadline", "EditConflict", "Errors", "QuestionType"],
  EditCallPage,
);
