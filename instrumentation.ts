// Next.js calls register() once when a server starts (it must live at the repository root). In the Node.js
// runtime it warns, loudly, when a production server has no SMTP_URL (sign-in links would only reach the
// console and the outbox folder). It also makes the HTTP server answer TRACE, TRACK and CONNECT with 405 and
// undecodable /api paths with 400 (lib/http/unroutable-requests.ts: Next.js answered 500). Email and other
// background work is not done here: a worker process runs it (lib/jobs, `npm run worker`; `npm start`
// runs one beside the app).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/http/unroutable-requests")).refuseUnroutableRequests();
  const { outboxProductionWarning } = await import("@/lib/mail/outbox");
  const warning = outboxProductionWarning();
  if (warning) console.warn(warning);
}
