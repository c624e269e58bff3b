// The tools for one call, shown at the top of each of its moderation pages. `current` marks the page the
// person is on (aria-current), so the list doubles as "where am I". Tools the person may not use in the
// call's forum (an observer: the editor's translations, the exports) are left out.
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

export const CALL_TOOLS = [
  "edit",
  "translations",
  "queue",
  "intake",
  "campaigns",
  "coding",
  "messages",
  "participation",
  "exports",
] as const;
export type CallTool = (typeof CALL_TOOLS)[number];

/** What each tool's page needs; the rest are read by anyone who may read the forum. */
const NEEDS: Partial<Record<CallTool, Permission>> = {
  translations: "calls.manage",
  intake: "responses.intake",
  exports: "exports.download",
};

const href = (callId: string, tool: CallTool) =>
  `/moderation/calls/${encodeURIComponent(callId)}${tool === "edit" ? "" : `/${tool}`}`;

export async function CallToolsNav({ callId, forumId, current }: { callId: string; forumId: string; current: CallTool }) {
  const t = await getTranslations("CallTools");
  const user = await getSessionUser();
  const tools = CALL_TOOLS.filter((tool) => can(user, NEEDS[tool] ?? "forum.read", forumId));
  return (
    <nav aria-label={t("label")} className="call-tools">
      <ul>
        {tools.map((tool) => (
          <li key={tool}>
            <Link href={href(callId, tool)} aria-current={tool === current ? "page" : undefined}>
              {t(tool)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
