// Matrix entries: people. Accounts (deleting one's own, an administrator's role changes), signing in and out
// and one's sessions, email settings, follows and unsubscribing, the email and job queues' retries, the
// profile and language, and a stakeholder's own response (autosave, save or submit, withdraw).
//
// Most of these act on the actor's own things with no id in the form (one's profile, settings, sessions,
// account): any signed-in person may, and each acts on their own, so the allowed list is SIGNED_IN and the
// snapshot covers those rows of every person of the cast (forum A's fingerprint does not hold them). A
// response is named by its id: only its author (OWNER) may touch it; anyone else is told it does not exist.
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { ADMINS, EVERYONE, FORUM_WRITERS, OWNER, SIGNED_IN, type ActionEntry } from "./entry";
import type { Cast } from "./harness";

/** The ids of the six signed-in people of the cast. */
const castIds = (cast: Cast) => SIGNED_IN.map((actor) => cast[actor].id);

/** The rows of the cast's people that one's own settings, profile or sessions change. */
function castRows(cast: Cast) {
  const ids = castIds(cast);
  return async () => ({
    users: await db.user.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      select: { id: true, email: true, role: true, locale: true, updatedAt: true },
    }),
    profiles: await db.profile.findMany({ where: { userId: { in: ids } }, orderBy: { userId: "asc" } }),
    preferences: await db.notificationPreference.findMany({ where: { userId: { in: ids } }, orderBy: { userId: "asc" } }),
    sessions: await db.session.findMany({
      where: { userId: { in: ids } },
      orderBy: { sessionToken: "asc" },
      select: { sessionToken: true, userId: true },
    }),
    follows: await db.callFollow.findMany({ where: { userId: { in: ids } }, orderBy: { callId: "asc" } }),
  });
}

/** An open call of the forum with one (optional, long text) question. */
async function openCallIn(forumId: string) {
  const call = await createCall(db, { forumId });
  const question = await createQuestion(db, { callId: call.id });
  return { call, question };
}

export const PEOPLE_ACTIONS: Record<string, ActionEntry> = {
  "lib/accounts/actions.ts#changeRoleAction": {
    allowed: ADMINS,
    setup: async () => {
      // A demotion, so that no one is left with rights by the matrix.
      const target = await createUser(db, { role: "ADMIN" });
      return {
        fields: { userId: target.id, role: "STAKEHOLDER" },
        snapshot: async () => ({
          user: await db.user.findUnique({ where: { id: target.id }, select: { role: true, updatedAt: true } }),
          audit: await db.auditEntry.count({ where: { itemId: target.id } }),
        }),
      };
    },
  },
  "lib/accounts/actions.ts#deleteAccountAction": {
    allowed: SIGNED_IN,
    setup: async ({ forumId, cast, actor }) => {
      // Each allowed person deletes their own account (the form names none: it confirms one's own address);
      // the refused ones are asked to delete the stakeholder's, which has a draft that goes with it.
      const whose = (actor ?? "stakeholder") as Exclude<typeof actor, "visitor" | undefined>;
      if (!actor) {
        const { call: open, question } = await openCallIn(forumId);
        await createResponse(db, {
          callId: open.id,
          authorId: cast.stakeholder.id,
          answers: [{ questionId: question.id, text: "A draft that goes with the account." }],
        });
      }
      return {
        fields: { responses: "remove", confirmEmail: cast[whose].email },
        snapshot: async () => ({
          people: await db.user.findMany({ where: { id: { in: castIds(cast) } }, orderBy: { id: "asc" }, select: { id: true } }),
          forum: await castRows(cast)(),
        }),
      };
    },
  },

  "lib/auth/actions.ts#requestSignInLinkAction": {
    // A visitor asks for a link; a signed-in person may too (for another address of theirs): nothing else.
    allowed: EVERYONE,
    setup: async () => ({ fields: { email: `sign-in-${uniqueSuffix()}@test.example.org`, callbackUrl: "/" } }),
  },
  "lib/auth/actions.ts#signOutAction": {
    // Anyone: a signed-in person's session ends; a visitor (say, whose session already expired) just goes
    // home, with nothing to end. Refusing the visitor would only turn that click into an error.
    allowed: EVERYONE,
    setup: async ({ cast }) => ({ fields: {}, snapshot: castRows(cast) }),
  },
  "lib/auth/actions.ts#endOtherSessionsAction": {
    allowed: SIGNED_IN,
    setup: async ({ cast }) => {
      // Another session of each person of the cast, so that there is something to end.
      await db.session.createMany({
        data: castIds(cast).map((userId) => ({
          sessionToken: randomBytes(32).toString("hex"),
          userId,
          expires: new Date(Date.now() + 24 * 3600 * 1000),
        })),
      });
      return { fields: {}, snapshot: castRows(cast) };
    },
  },

  "lib/notifications/actions.ts#saveNotificationSettingsAction": {
    allowed: SIGNED_IN,
    setup: async ({ cast }) => ({ fields: { draftOpened: "on" }, snapshot: castRows(cast) }),
  },
  "lib/notifications/actions.ts#turnOffAllEmailsAction": {
    allowed: SIGNED_IN,
    setup: async ({ cast }) => ({ fields: {}, snapshot: castRows(cast) }),
  },
  "lib/notifications/actions.ts#followCallAction": {
    // A published call: anyone signed in may follow it (the follow is their own).
    allowed: SIGNED_IN,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      return { fields: { callId: call.id, intent: "follow" } };
    },
  },
  "lib/notifications/actions.ts#unsubscribeAction": {
    // No sign-in: the link's token is the credential, and it can only turn email off.
    allowed: EVERYONE,
    setup: async () => {
      const person = await createUser(db);
      const token = randomBytes(32).toString("base64url");
      await db.notificationPreference.create({ data: { userId: person.id, unsubscribeToken: token }, select: { userId: true } });
      return {
        fields: { token, kind: "draft-opened" },
        snapshot: () => db.notificationPreference.findUnique({ where: { userId: person.id } }),
      };
    },
  },
  "lib/notifications/admin-actions.ts#retryEmailAction": {
    // A failed receipt of forum A: its facilitators may retry it (the platform's own emails: unit tests).
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const job = await db.emailJob.create({
        data: {
          to: `failed-${uniqueSuffix()}@test.example.org`,
          subject: "A receipt that could not be sent",
          text: "Your response was received.",
          html: "<p>Your response was received.</p>",
          dedupeKey: `matrix-retry:${randomUUID()}`,
          forumId,
          status: "FAILED",
          attempts: 5,
          lastError: "550 mailbox unavailable",
        },
        select: { id: true },
      });
      return {
        fields: { jobId: job.id.toString() },
        snapshot: async () => ({
          job: await db.emailJob.findUnique({
            where: { id: job.id },
            select: { status: true, maxAttempts: true, updatedAt: true },
          }),
          audit: await db.auditEntry.count({ where: { itemId: job.id.toString() } }),
        }),
      };
    },
  },
  "lib/notifications/admin-actions.ts#retryJobAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      // A failed recomputation of the campaigns of a call of forum A (harmless to run again), as pg-boss leaves
      // a job that failed for good.
      const call = await createCall(db, { forumId });
      const id = randomUUID();
      await db.$executeRaw`
        INSERT INTO pgboss.job (id, name, data, state, retry_limit, retry_count, started_on, completed_on, output)
        VALUES (${id}::uuid, 'campaigns-recompute', ${JSON.stringify({ callId: call.id })}::jsonb, 'failed', 0, 0, now(), now(),
                '{"message":"matrix: failed"}'::jsonb)`;
      return {
        fields: { queue: "campaigns-recompute", jobId: id },
        snapshot: async () => ({
          job: await db.$queryRaw`SELECT state::text, retry_limit FROM pgboss.job WHERE name = 'campaigns-recompute' AND id = ${id}::uuid`,
          audit: await db.auditEntry.count({ where: { itemId: id } }),
        }),
      };
    },
  },

  "lib/profile/actions.ts#saveProfileAction": {
    allowed: SIGNED_IN,
    setup: async ({ cast }) => ({
      fields: {
        displayName: `Wanjiru Matrix ${uniqueSuffix()}`,
        stakeholderGroup: "TECHNICAL_COMMUNITY",
        region: "AFRICA",
        country: "KE",
        organisation: "Kenya Network Information Centre",
        onBehalfOf: "",
      },
      snapshot: castRows(cast),
    }),
  },
  "lib/profile/actions.ts#saveLanguageAction": {
    allowed: SIGNED_IN,
    setup: async ({ cast }) => ({ fields: { locale: "fr" }, snapshot: castRows(cast) }),
  },

  "lib/responses/actions.ts#saveDraftAction": {
    allowed: OWNER,
    setup: async ({ forumId, cast }) => {
      const { call, question } = await openCallIn(forumId);
      const response = await createResponse(db, { callId: call.id, authorId: cast.stakeholder.id });
      return {
        fields: {
          responseId: response.id,
          values: JSON.stringify({ [`q_${question.id}`]: "Our community runs a national CERT with volunteers." }),
        },
      };
    },
  },
  "lib/responses/actions.ts#responseFormAction": {
    allowed: OWNER,
    setup: async ({ forumId, cast }) => {
      const { call, question } = await openCallIn(forumId);
      const response = await createResponse(db, { callId: call.id, authorId: cast.stakeholder.id });
      return {
        fields: {
          responseId: response.id,
          intent: "submit",
          [`q_${question.id}`]: "Our community runs a national CERT with volunteers.",
          consent: "PUBLISH_NAMED",
          submitKey: randomUUID(),
        },
      };
    },
  },
  "lib/responses/actions.ts#withdrawResponseAction": {
    allowed: OWNER,
    setup: async ({ forumId, cast }) => {
      const { call, question } = await openCallIn(forumId);
      const response = await createResponse(db, {
        callId: call.id,
        authorId: cast.stakeholder.id,
        status: "SUBMITTED",
        answers: [{ questionId: question.id, text: "Submitted, then withdrawn." }],
      });
      return { fields: { responseId: response.id } };
    },
  },
};
