// Demo moderation so the queue of the open demo call is not empty after `npm start`: one response with two
// open reports (below the threshold of 3, so still public) and one hidden by the demo moderator with a
// reason its author sees. Idempotent: reports are upserted by (response, reporter), and the hiding (with
// its audit entry) happens only while the response is not hidden yet. The entry is written directly:
// lib/audit/record.ts is server-only, and the seed runs outside Next.js.
import { DEMO_ACCOUNTS, DEMO_CALLS, DEMO_DOMAIN } from "./demo-content";
import type { DbClient } from "@/lib/db";

const person = (n: number) => `respondent-${String(n).padStart(2, "0")}@${DEMO_DOMAIN}`;

const REPORTED = {
  author: person(27),
  reports: [
    { reporter: person(23), reason: "SPAM", details: "Reads like an advertisement for the company's hosting service." },
    { reporter: person(17), reason: "OFF_TOPIC", details: "" },
  ],
} as const;

const HIDDEN = {
  author: person(40),
  reason: "Your response includes a colleague's personal mobile number. Please submit it again without it.",
};

async function responseOf(client: DbClient, callId: string, email: string) {
  return client.response.findFirst({
    where: { callId, status: "SUBMITTED", author: { email } },
    select: { id: true, moderationState: true, hiddenReason: true },
  });
}

export async function seedDemoModeration(client: DbClient) {
  const call = await client.call.findUnique({
    where: { slug: DEMO_CALLS.find((c) => c.key === "open")!.slug },
    select: { id: true },
  });
  if (!call) return;

  const reported = await responseOf(client, call.id, REPORTED.author);
  if (reported) {
    for (const { reporter, reason, details } of REPORTED.reports) {
      const user = await client.user.findUnique({ where: { email: reporter }, select: { id: true } });
      if (!user) continue;
      await client.report.upsert({
        where: { responseId_reporterId: { responseId: reported.id, reporterId: user.id } },
        create: { responseId: reported.id, reporterId: user.id, reason, details },
        update: {},
        select: { id: true },
      });
    }
  }

  const hidden = await responseOf(client, call.id, HIDDEN.author);
  const moderator = await client.user.findUnique({ where: { email: DEMO_ACCOUNTS.moderator }, select: { id: true, role: true } });
  if (hidden && moderator && hidden.moderationState !== "HIDDEN") {
    const now = new Date();
    await client.response.update({
      where: { id: hidden.id },
      data: { moderationState: "HIDDEN", hiddenReason: HIDDEN.reason, hiddenAt: now, reviewedAt: now },
      select: { id: true },
    });
    await client.auditEntry.create({
      data: {
        actorId: moderator.id,
        actorRole: moderator.role,
        action: "response.hide",
        itemType: "response",
        itemId: hidden.id,
        callId: call.id,
        before: { moderationState: hidden.moderationState, hiddenReason: hidden.hiddenReason },
        after: { moderationState: "HIDDEN", hiddenReason: HIDDEN.reason },
      },
      select: { id: true },
    });
  }
}
