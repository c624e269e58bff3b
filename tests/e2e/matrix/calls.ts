// Matrix entries: the call editor's actions.
import { db } from "@/lib/db";
import { createCall, createQuestion, uniqueSuffix } from "@/prisma/factories";
import { FORUM_WRITERS, type ActionEntry } from "./entry";

const DAY = 86_400_000;
/** A time as the editor's datetime-local input holds it, in UTC (the zone the entries use). */
const local = (date: Date) => date.toISOString().slice(0, 16);

/** The editor's fields of a new call in the forum, with one question; slug and prefix unique. */
function callFields(forumId: string) {
  const suffix = uniqueSuffix();
  return {
    forumId,
    title: `Matrix call ${suffix}`,
    slug: `matrix-call-${suffix}`,
    referencePrefix: `M${suffix.toUpperCase()}`,
    thematicTrack: "",
    introduction: "A call written by the authorization matrix.",
    timeZone: "UTC",
    opensAt: local(new Date(Date.now() + DAY)),
    closesAt: local(new Date(Date.now() + 30 * DAY)),
    moderationMode: "POST",
    reportThreshold: "3",
    "questions.0.questionId": "",
    "questions.0.prompt": "What works in your community?",
    "questions.0.helpText": "",
    "questions.0.type": "LONG_TEXT",
    "questions.0.minLength": "",
    "questions.0.maxLength": "2000",
    "questions.0.options": "",
    "questions.0.maxChoices": "",
  };
}

export const CALL_ACTIONS: Record<string, ActionEntry> = {
  "lib/calls/actions.ts#createCallAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => ({ fields: callFields(forumId) }),
  },
  "lib/calls/actions.ts#updateCallAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId, publishedAt: null, opensAt: new Date(Date.now() + DAY) });
      const question = await createQuestion(db, { callId: call.id });
      const fields = callFields(forumId);
      return {
        fields: {
          ...fields,
          callId: call.id,
          slug: call.slug,
          referencePrefix: call.referencePrefix,
          title: `${call.title} (edited)`,
          "questions.0.questionId": question.id,
        },
      };
    },
  },
  "lib/calls/actions.ts#publishCallAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId, publishedAt: null });
      await createQuestion(db, { callId: call.id });
      return { fields: { callId: call.id } };
    },
  },
  "lib/calls/actions.ts#unpublishCallAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId, opensAt: new Date(Date.now() + 86_400_000) });
      return { fields: { callId: call.id } };
    },
  },
};
