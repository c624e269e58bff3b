// `npm run worker`: runs the background jobs (lib/jobs) against DATABASE_URL until SIGTERM or Ctrl-C, then
// stops fetching, lets the jobs in flight finish (WORKER_STOP_TIMEOUT_MS, default 30 s) and exits. Run as
// many as you like on one database; `npm start` runs one beside the app. WORKER_HEALTH_PORT: also answer
// GET /health on that port (loopback) with 200 while running, for an orchestrator's liveness probe.
// Run with: node --import tsx --import ./scripts/lib/server-only.mjs scripts/worker.ts
import { createServer } from "node:http";
import { disconnectDb } from "@/lib/db";
import { startWorker } from "@/lib/jobs/worker";

const worker = await startWorker();
let stopping = false;
const healthPort = Number(process.env.WORKER_HEALTH_PORT ?? 0);
const health = healthPort
  ? createServer((request, response) => {
      const ok = request.url === "/health" && !stopping;
      response.writeHead(ok ? 200 : 503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify({ status: ok ? "ok" : "stopping" }));
    }).listen(healthPort, process.env.WORKER_HEALTH_HOST ?? "127.0.0.1")
  : null;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal}: finishing the jobs in flight…`);
  try {
    health?.close();
    await worker.stop({ timeout: Number(process.env.WORKER_STOP_TIMEOUT_MS ?? 30_000) });
    await disconnectDb();
    process.exit(0);
  } catch (error) {
    console.error("[worker] stop failed", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
