// The moderators' tools for one call, shown at the top of each of its moderation pages. `current` marks the
// page the moderator is on (aria-current), so the list doubles as "where am I".
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";

export const CALL_TOOLS = [
  "edit",
  "translations",
  "queue",
  "campaigns",
  "coding",
  "messages",
  "participation",
  "exports",
] as const;
export type CallTool = (typeof CALL_TOOLS)[number];

const href = (callId: string, tool: CallTool) =>
  `/moderation/calls/${encodeURIComponent(callId)}${tool === "edit" ? "" : `/${tool}`}`;

export async function CallToolsNav({ callId, current }: { callId: string; current: CallTool }) {
  const t = await getTranslations("CallTools");
  return (
    <nav aria-label={t("label")} className="call-tools">
      <ul>
        {CALL_TOOLS.map((tool) => (
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
