import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { TextForm } from "@/components/messages/text-form";
import { CallToolsNav } from "@/components/moderation/call-tools-nav";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { createMessageSetAction } from "@/lib/messages/actions";
import { MESSAGE_LIMITS } from "@/lib/messages/schemas";
import { listMessageSets } from "@/lib/messages/sets";
import { orNotFound } from "@/lib/not-found";
import { withClientMessages } from "@/components/i18n/client-messages";
import { TableRegion } from "@/components/ui/table-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MessageSets"))("title") };
}

type Props = { params: Promise<{ id: string }> };

async function CallMessagesPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePermission("forum.read", { returnTo: `/moderation/calls/${encodeURIComponent(id)}/messages` });
  const { call, sets } = await orNotFound(listMessageSets(user, id));
  const t = await getTranslations("MessageSets");
  const tStatus = await getTranslations("MessageSetStatus");
  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1 id="message-sets-heading">{t("title")}</h1>
      <p className="lead">{call.title}</p>
      <CallToolsNav callId={call.id} forumId={call.forumId} current="messages" />
      <p>{t("intro")}</p>
      {sets.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableRegion labelledBy="message-sets-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("setTitle")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("paragraphs")}</th>
                <th scope="col">{t("versions")}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((set) => (
                <tr key={set.id}>
                  <td>
                    <Link href={`/moderation/messages/${encodeURIComponent(set.id)}`}>{set.title}</Link>
                  </td>
                  <td>{tStatus(set.status)}</td>
                  <td>{set.paragraphCount}</td>
                  <td>{set.versionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {/* An observer of the forum reads the list and creates nothing. */}
      {can(user, "messages.edit", call.forumId) && (
        <section aria-labelledby="new-set-heading" className="editor-section">
          <h2 id="new-set-heading">{t("createHeading")}</h2>
          <TextForm
            id="new-set"
            schema="createSet"
            action={createMessageSetAction}
            hidden={{ callId: call.id }}
            fields={[{ name: "title", label: t("setTitle"), hint: t("titleHint"), maxLength: MESSAGE_LIMITS.title }]}
            submitLabel={t("create")}
          />
        </section>
      )}
    </>
  );
}

export default withClientMessages(["EditConflict", "Errors", "MessageEditor"], CallMessagesPage);
