// A real SMTP server on loopback for the browser tests: the app sends its mail here (SMTP_URL), and the
// tests read it back over HTTP: GET /messages?to=<address> → [{ to, subject, text }].
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const SMTP_PORT = Number(process.env.MAIL_SMTP_PORT ?? 2525);
const HTTP_PORT = Number(process.env.MAIL_HTTP_PORT ?? 2526);
const messages = [];

/** Enough MIME for our own mails: headers (with RFC 2047 encoded words), and the text part of a multipart
 * body in quoted-printable or base64, all read as UTF-8 (so Spanish, Arabic or Chinese mail reads as sent). */
function decode(raw) {
  const { head, body } = split(raw);
  const subject = words(header(head, "Subject") ?? "");
  return { subject, text: textOf(head, body) };
}

function split(raw) {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0 ? { head: raw, body: "" } : { head: raw.slice(0, at), body: raw.slice(at).replace(/^\r?\n\r?\n/, "") };
}

function header(head, name) {
  return head.match(new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, "im"))?.[1]?.replace(/\r?\n[ \t]+/g, " ");
}

/** "=?UTF-8?Q?Iniciar_sesi=C3=B3n?=" → "Iniciar sesión"; adjacent encoded words join without the space. */
function words(value) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset, kind, data) =>
      kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : quotedPrintable(data.replace(/_/g, " ")),
    );
}

function quotedPrintable(text) {
  const bytes = [];
  const clean = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The text/plain part (or the whole body of a single-part mail), decoded. */
function textOf(head, body) {
  const type = header(head, "Content-Type") ?? "text/plain";
  const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
  if (boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => split(part.replace(/^\r?\n/, "")));
    const plain = parts.find((part) => /^text\/plain/i.test(header(part.head, "Content-Type") ?? "")) ?? parts[0];
    return plain ? textOf(plain.head, plain.body) : "";
  }
  const encoding = (header(head, "Content-Transfer-Encoding") ?? "").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return quotedPrintable(body);
  return body;
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
