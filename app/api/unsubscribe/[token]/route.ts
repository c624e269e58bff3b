// POST /api/unsubscribe/<token>?kind=<kind> — RFC 8058 one-click unsubscribe, named in each email's
// List-Unsubscribe header; the mail client posts "List-Unsubscribe=One-Click". Turns that kind off (all
// kinds without ?kind). No sign-in and no CSRF token: the unguessable token is the credential, and the
// only thing it can do is turn email off. GET changes nothing.
// Its answers are plain text (mail clients show them, if anything), the unexpected error included.
import { isAppError } from "@/lib/errors";
import { defineRoute } from "@/lib/http/route";
import { parseKindSlug } from "@/lib/notifications/kinds";
import { unsubscribe } from "@/lib/notifications/settings";

const plain = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export const POST = defineRoute<"none", { token: string }>({ name: "unsubscribe", auth: "none" }, async ({ request, params }) => {
  const { token } = params;
  const kind = parseKindSlug(new URL(request.url).searchParams.get("kind"));
  if (!kind) return plain("Unknown email kind.\n", 400);
  try {
    await unsubscribe(token, kind);
  } catch (error) {
    if (isAppError(error, "not_found")) return plain("This unsubscribe link is not valid.\n", 404);
    console.error("[unsubscribe] one-click failed", error);
    return plain("Something went wrong. Please try again later.\n", 500);
  }
  return plain("Unsubscribed.\n", 200);
});
