// What moderation means for the author's own response: waiting for approval, or hidden with the reason.
import { getTranslations } from "next-intl/server";
import type { ModerationState } from "@/lib/generated/prisma/enums";

type Props = { state: ModerationState; hiddenReason: string | null; compact?: boolean };

export async function ModerationNotice({ state, hiddenReason, compact = false }: Props) {
  if (state === "PUBLISHED") return null;
  const t = await getTranslations("AuthorModeration");
  const text = state === "PENDING" ? t("pending") : t("hidden", { reason: hiddenReason ?? t("noReason") });
  return compact ? <span className="meta">{text}</span> : <p className="notice">{text}</p>;
}
