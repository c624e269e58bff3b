// The emails of an appointment: queued in the transaction that appoints, changes or removes (so a change
// that rolls back sends nothing), as outbox rows written in the person's language (User.locale, English when
// not chosen) and written again by the worker at send time (lib/notifications/render.ts). Service emails:
// no notification kind, so they go out whatever the person's settings, like a receipt. A person who has
// never signed in is invited: the email says so and links to the sign-in page in their language, where they
// ask for a sign-in link with this address (a link made here would expire long before some read it, and
// would be a credential kept in the outbox). One row per event (its dedupe key names the appointment and
// the moment of the change), so a retried job sends it once.
import "server-only";
import type { DbClient } from "@/lib/db";
import type { ForumRole } from "@/lib/generated/prisma/enums";
import { mailLocale } from "@/lib/mail/locale";
import { queuedEmail, type EmailTemplate } from "@/lib/notifications/render";
import { enqueueEmailRows } from "@/lib/notifications/worker";

type Tx = Pick<DbClient, "emailJob" | "$queryRawUnsafe">;

/** The person as the email addresses them. */
export type Appointee = { id: string; email: string; locale: string | null; name: string | null };

/** What happened; `invited`: the person has never signed in, so the email invites them to. */
export type AppointmentEvent = { kind: "appointed" | "changed"; invited: boolean } | { kind: "removed" };

type Mail = {
  person: Appointee;
  forum: { id: string; name: string };
  role: ForumRole;
  event: AppointmentEvent;
  /** Unique to this change: "<appointment id>:<time of the change>". */
  key: string;
};

/** In the changing transaction: the email as an outbox row and its email-send job. Returns how many were queued. */
export async function queueAppointmentMail(tx: Tx, { person, forum, role, event, key }: Mail) {
  const item = { forumId: forum.id, forumName: forum.name, role };
  const email: EmailTemplate =
    event.kind === "removed"
      ? { template: "forum-removed", item }
      : { template: "forum-appointed", item: { ...item, changed: event.kind === "changed", invited: event.invited } };
  const written = queuedEmail(email, { locale: mailLocale(person.locale), name: person.name, token: "" });
  const created = await tx.emailJob.createManyAndReturn({
    data: [
      { userId: person.id, kind: null, to: person.email, dedupeKey: `${email.template}:${key}`, forumId: forum.id, ...written },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  await enqueueEmailRows(
    tx,
    created.map((row) => row.id),
  );
  return created.length;
}
