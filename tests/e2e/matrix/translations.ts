// Matrix entries: translations of calls and of message set versions, and the language each is written in
// (lib/translations/actions.ts). All are the forum's facilitators' and the administrators'.
import { db } from "@/lib/db";
import { createCall, createQuestion } from "@/prisma/factories";
import { FORUM_WRITERS, type ActionEntry } from "./entry";
import { draftSet, versionOf } from "./messages";

export const TRANSLATION_ACTIONS: Record<string, ActionEntry> = {
  "lib/translations/actions.ts#saveCallTranslationAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      const question = await createQuestion(db, { callId: call.id });
      return {
        fields: {
          callId: call.id,
          locale: "fr",
          title: "Appel à contributions",
          introduction: "Dites-nous comment votre communauté aborde la cybersécurité.",
          thematicTrack: "Sécurité, sûreté, stabilité et résilience",
          [`prompt.${question.id}`]: "Que signifie la cybersécurité dans votre communauté ?",
        },
      };
    },
  },
  "lib/translations/actions.ts#removeCallTranslationAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      await db.callTranslation.create({
        data: { callId: call.id, locale: "fr", title: "Appel à contributions", introduction: "Dites-nous tout." },
        select: { callId: true },
      });
      return { fields: { callId: call.id, locale: "fr" } };
    },
  },
  "lib/translations/actions.ts#setCallLanguageAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      return { fields: { callId: call.id, language: "fr" } };
    },
  },
  "lib/translations/actions.ts#saveVersionTranslationAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const draft = await draftSet(forumId, [1]);
      const version = await versionOf(draft);
      const section = draft.sections[0]!;
      return {
        fields: {
          setId: draft.set.id,
          number: String(version.number),
          locale: "fr",
          title: "Messages traduits",
          introduction: "Messages tirés des contributions reçues.",
          [`heading.${section.id}`]: "Titre 1",
          [`body.${section.paragraphs[0]!.id}`]: "Le renforcement des capacités doit atteindre les petits CERT.",
        },
      };
    },
  },
  "lib/translations/actions.ts#setMessageSetLanguageAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const draft = await draftSet(forumId, [1]);
      return { fields: { setId: draft.set.id, language: "fr" } };
    },
  },
};
