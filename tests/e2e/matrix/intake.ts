// Matrix entries: contributions recorded by moderators (lib/intake), the forum's writers'.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createCall, createQuestion } from "@/prisma/factories";
import { FORUM_WRITERS, type ActionEntry } from "./entry";

const today = () => new Date().toISOString().slice(0, 10);

/** A published call of the forum with one question, and a CSV of two contributions to it. */
async function intakeCall(forumId: string) {
  const call = await createCall(db, { forumId });
  const question = await createQuestion(db, { callId: call.id });
  const csv = [
    "channel,received_on,name,stakeholder_group,region,consent,q1,speakers_government",
    `LETTER,${today()},Ministry of ICT,GOVERNMENT,AFRICA,PUBLISH_NAMED,Our national strategy sets norms for critical infrastructure.,`,
    `SESSION,${today()},Open session on norms,,,PUBLISH_NAMED,Speakers asked for capacity building.,3`,
  ].join("\n");
  return { call, question, csv };
}

export const INTAKE_ACTIONS: Record<string, ActionEntry> = {
  "lib/intake/actions.ts#recordContributionAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { call, question } = await intakeCall(forumId);
      return {
        fields: {
          callId: call.id,
          submitKey: randomUUID(),
          channel: "EMAIL",
          receivedOn: today(),
          contributorName: "Amina Diallo",
          email: `amina-${randomUUID().slice(0, 8)}@example.org`,
          stakeholderGroup: "CIVIL_SOCIETY",
          region: "AFRICA",
          consent: "PUBLISH_NAMED",
          language: "en",
          [`q_${question.id}`]: "Norms need the voices of civil society.",
        },
      };
    },
  },
  "lib/intake/actions.ts#checkImportAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { call, csv } = await intakeCall(forumId);
      return { fields: { callId: call.id, csv } };
    },
  },
  "lib/intake/actions.ts#importContributionsAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { call, csv } = await intakeCall(forumId);
      return { fields: { callId: call.id, csv, importKey: randomUUID() } };
    },
  },
};
