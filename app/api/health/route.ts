// Liveness for a load balancer or orchestrator: the process answers. No database, no session.
import { defineRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ name: "health", auth: "none" }, async () =>
  Response.json(
    { status: "ok", uptime: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  ),
);
