"use client";
// The comments page's "Several comments at once": the queue's bulk form (components/moderation/bulk-form.tsx)
// for the ticked comments of a message set, with the texts of "CommentModeration".
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { ItemsBulkForm, type BulkTexts } from "@/components/moderation/bulk-form";

type Props = Omit<ComponentProps<typeof ItemsBulkForm>, "items" | "t" | "tags" | "campaigns">;

export function CommentBulkForm(props: Props) {
  const t = useTranslations("CommentModeration");
  // The same keys under "bulk" in both namespaces (lib/i18n/messages/*/comments.json).
  return <ItemsBulkForm {...props} items="comments" t={t as unknown as BulkTexts} />;
}
