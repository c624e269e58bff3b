// Next.js calls register() once when a server starts (it must live at the repository root). In the Node.js
// runtime it warns, loudly, when a production server has no SMTP_URL (sign-in links would only reach the
// console and the outbox folder), then starts the email queue: one drain now (mail queued while the app
// was down), then one every MAIL_QUEUE_INTERVAL_MS (default 15 s). The timer is unref'd, so it never keeps
// a stopping process alive; a failed drain is logged and the next tick tries again. It also makes the HTTP
// server answer TRACE, TRACK and CONNECT with 405 and undecodable /api paths with 400
// (lib/http/unroutable-requests.ts: Next.js answered 500).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/http/unroutable-requests")).refuseUnroutableRequests();
  const { outboxProductionWarning } = await import("@/lib/mail/outbox");
  const warning = outboxProductionWarning();
  if (warning) console.warn(warning);
  const { startDrain } = await import("@/lib/notifications/worker");
  const interval = Number(process.env.MAIL_QUEUE_INTERVAL_MS ?? 15_000);
  startDrain();
  if (Number.isFinite(interval) && interval > 0) setInterval(startDrain, interval).unref();
}
