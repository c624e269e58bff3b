// A real SMTP server on loopback for the browser tests: the app sends its mail here (SMTP_URL), and the
// tests read it back over HTTP: GET /messages?to=<address> → [{ to, subject, text }].
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const SMTP_PORT = Number(process.env.MAIL_SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.MAIL_HTTP_PORT ?? 2526);
const messages = [];

/** Enough MIME for our own mails: headers, and quoted-printable or base64 bodies. */
function decode(raw) {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const header = (name) =>
    head.match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im"))?.[1]?.replace(/\r?\n[ \t]+/g, " ");
  const body = rest.join("\n\n");
  const text = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return { subject: header("Subject") ?? "", text };
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      for (const to of session.envelope.rcptTo) messages.push({ to: to.address.toLowerCase(), ...decode(raw) });
      callback();
    });
  },
});
smtp.listen(SMTP_PORT, "127.0.0.1");

createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://127.0.0.1:${HTTP_PORT}`);
  if (url.pathname === "/health") return response.end("ok");
  const to = url.searchParams.get("to")?.toLowerCase();
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(messages.filter((message) => !to || message.to === to)));
}).listen(HTTP_PORT, "127.0.0.1");

console.info(`mail catcher: SMTP on 127.0.0.1:${SMTP_PORT}, messages on http://127.0.0.1:${HTTP_PORT}/messages`);
