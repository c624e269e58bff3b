// Readiness for a load balancer: 200 when the database answers, every migration is applied and the file
// storage is reachable; else 503 with the failed check and why (lib/health/ready.ts). No session.
import { readiness } from "@/lib/health/ready";
import { defineRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "ready", auth: "none" }, async () => {
  const result = await readiness();
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (result.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not ready", check: result.check, reason: result.reason }, { status: 503, headers });
});
