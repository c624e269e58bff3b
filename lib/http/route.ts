// One way to write a route handler of the app (downloads, uploads, exports, one-click unsubscribe), as
// lib/actions.ts is for server actions:
//
//   export const GET = defineRoute({ name: "downloadAttachment", auth: "visitor" }, async ({ actor, params }) => …);
//
// - `auth` says who may call it at all: "none" (anyone, and the session is not even read: the answer is the
//   same for everyone, e.g. a probe, a public export, a token link), "visitor" (anyone, but who asks matters:
//   the domain function decides per object, e.g. a file its author may see), "signedIn", or a permission of
//   lib/auth/permissions.ts as the first gate (the domain function then checks it in the object's forum).
//   Whatever the domain refuses is refused as it says.
// - `sameOrigin`: for a request that changes something, a page of another site is refused (cookies alone do
//   not prove intent). Server actions get this from Next.js; route handlers from here.
// - Errors: a typed refusal becomes `{ ok: false, code, message }` in the person's language with the status
//   of its kind; anything else is logged with a request id and answered 500 (./route-errors.ts).
//
// The open data API (lib/api/http.ts, `apiGet`) is the one other kind: public, rate limited, cached, with the
// error shape its OpenAPI document promises. next-auth's own handler is the third file kind and is next-auth's.
import "server-only";
import { assertSameOrigin } from "@/lib/attachments/http";
import { authorize, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { Unauthenticated } from "@/lib/errors";
import { handleRouteErrors } from "./route-errors";

export type RouteAuth = "none" | "visitor" | "signedIn" | Permission;

type Options<A extends RouteAuth> = { name: string; auth: A; sameOrigin?: boolean };

type Ctx<A extends RouteAuth, P> = {
  request: Request;
  params: P;
  /** The signed-in person: never null unless `auth` is "visitor"; always null for "none" (not read). */
  actor: A extends "none" ? null : A extends "visitor" ? SessionUser | null : SessionUser;
};

export function defineRoute<A extends RouteAuth, P = Record<string, never>>(
  { name, auth, sameOrigin = false }: Options<A>,
  handler: (ctx: Ctx<A, P>) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return (request, context) =>
    handleRouteErrors(name, request, async () => {
      const actor = auth === "none" ? null : await getSessionUser();
      if (auth !== "none" && auth !== "visitor") {
        if (!actor) throw Unauthenticated();
        if (auth !== "signedIn") authorize(actor, auth as Permission);
      }
      if (sameOrigin) assertSameOrigin(request);
      const params = (await context?.params) ?? ({} as P);
      return handler({ request, params, actor: actor as Ctx<A, P>["actor"] });
    });
}
