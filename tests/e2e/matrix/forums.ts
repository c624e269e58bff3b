// Matrix entries: forums. Administrators create and edit forums. People are appointed, moved between
// facilitator and observer, and removed by administrators and, where an administrator allowed it
// (facilitatorsMayAppoint), by the forum's own facilitators: every appointment entry builds forum A with that
// permission, so its facilitator is allowed; an observer of A is forbidden, anyone without a part in A (a
// stakeholder, a facilitator of another forum) is told the forum does not exist.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { pngFile } from "../../support/files";
import { createAppointment, createUser, uniqueSuffix } from "@/prisma/factories";
import { ADMINS, FORUM_WRITERS, type ActionEntry } from "./entry";

/** Lets the forum's facilitators appoint people (an administrator's choice in the forum editor). */
async function facilitatorsMayAppoint(forumId: string) {
  await db.forum.update({ where: { id: forumId }, data: { facilitatorsMayAppoint: true }, select: { id: true } });
}

/** A new person (who has signed in before) appointed observer of the forum by nobody in the cast. */
async function observerOf(forumId: string) {
  const person = await createUser(db);
  return createAppointment(db, { forumId, userId: person.id, role: "OBSERVER" });
}

export const FORUM_ACTIONS: Record<string, ActionEntry> = {
  // The forum's logo: its administrators' (the forum's own row is in the fingerprint).
  "lib/forums/actions.ts#setForumLogoAction": {
    allowed: ADMINS,
    setup: async ({ forumId }) => ({
      fields: { forumId, logo: new File([new Uint8Array(pngFile())], "logo.png", { type: "image/png" }) },
    }),
  },
  "lib/forums/actions.ts#removeForumLogoAction": {
    allowed: ADMINS,
    setup: async ({ forumId }) => {
      await db.forum.update({
        where: { id: forumId },
        data: { logoKey: `logos/${randomBytes(16).toString("hex")}`, logoType: "image/png", logoUpdatedAt: new Date() },
      });
      return { fields: { forumId } };
    },
  },
  "lib/forums/actions.ts#createForumAction": {
    allowed: ADMINS,
    setup: async () => {
      const slug = `dc-matrix-${uniqueSuffix()}`;
      return {
        fields: {
          name: `Dynamic Coalition on Matrix Testing ${slug.slice(-8)}`,
          slug,
          kind: "DYNAMIC_COALITION",
          description: "A coalition made by the authorization matrix.",
          contactEmail: "coalition@test.example.org",
        },
        // A new forum is outside forum A: the refused must not have made one under this address.
        snapshot: () => db.forum.findMany({ where: { slug }, select: { id: true } }),
      };
    },
  },
  "lib/forums/actions.ts#updateForumAction": {
    allowed: ADMINS,
    setup: async ({ forumId }) => {
      const forum = await db.forum.findUniqueOrThrow({ where: { id: forumId }, select: { slug: true } });
      return {
        fields: {
          forumId,
          name: `BPF Cybersecurity renamed ${uniqueSuffix()}`,
          slug: forum.slug,
          kind: "BEST_PRACTICE_FORUM",
          description: "Renamed by the authorization matrix.",
          contactEmail: "",
          facilitatorsMayAppoint: "on",
        },
      };
    },
  },
  "lib/forums/actions.ts#appointAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      await facilitatorsMayAppoint(forumId);
      const person = await createUser(db);
      return { fields: { forumId, email: person.email, role: "OBSERVER", locale: "en" } };
    },
  },
  "lib/forums/actions.ts#changeAppointmentAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      await facilitatorsMayAppoint(forumId);
      const appointment = await observerOf(forumId);
      return { fields: { forumId, appointmentId: appointment.id, role: "FACILITATOR" } };
    },
  },
  "lib/forums/actions.ts#removeAppointmentAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      await facilitatorsMayAppoint(forumId);
      const appointment = await observerOf(forumId);
      return { fields: { forumId, appointmentId: appointment.id } };
    },
  },
};
