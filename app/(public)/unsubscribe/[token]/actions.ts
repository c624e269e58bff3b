"use server";

import { redirect } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { parseKindSlug } from "@/lib/notifications/kinds";
import { unsubscribeSchema } from "@/lib/notifications/schemas";
import { unsubscribe } from "@/lib/notifications/settings";
import { formValues } from "@/lib/actions";

/**
 * The unsubscribe button (no sign-in: the token is the credential, and it can only turn email off). Back to
 * the same page, which then shows the kind as turned off; a bad link shows the "not valid" page there.
 */
export async function unsubscribeAction(formData: FormData) {
  const parsed = unsubscribeSchema.safeParse(formValues(formData));
  const token = parsed.success ? parsed.data.token : "invalid";
  const kind = parsed.success ? parseKindSlug(parsed.data.kind) : null;
  if (parsed.success && kind) {
    try {
      await unsubscribe(token, kind);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === "not_found")) throw error;
    }
  }
  const query = parsed.success && parsed.data.kind ? `?kind=${encodeURIComponent(parsed.data.kind)}` : "";
  redirect(`/unsubscribe/${encodeURIComponent(token)}${query}`);
}
