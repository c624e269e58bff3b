// GET /api/forums/<id>/logo — the forum's logo (PNG or JPEG), to everyone: it stands at the top of the
// forum's final messages. 404 when the forum has none. Addressed with ?v=<time of the logo>, it is cached
// for a year (a new logo has a new address); without it, for five minutes.
import { NotFound } from "@/lib/errors";
import { readForumLogo } from "@/lib/forums/logo";
import { defineRoute } from "@/lib/http/route";

type Params = { id: string };

export const GET = defineRoute<"none", Params>({ name: "forumLogo", auth: "none" }, async ({ request, params }) => {
  const logo = await readForumLogo(params.id);
  if (!logo) throw NotFound("forumNotFound");
  const versioned = new URL(request.url).searchParams.get("v") === String(logo.updatedAt.getTime());
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
