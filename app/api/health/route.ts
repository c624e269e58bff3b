// Liveness for a load balancer or orchestrator: the process answers. No database, no session.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    { status: "ok", uptime: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } },
  );
}
