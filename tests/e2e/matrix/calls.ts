// Matrix entries: the call editor's actions.
import { db } from "@/lib/db";
import { createCall, createQuestion } from "@/prisma/factories";
import { FORUM_WRITERS, type ActionEntry } from "./entry";

export const CALL_ACTIONS: Record<string, ActionEntry> = {
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
