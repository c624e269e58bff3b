// Matrix entries: coding (tags and excerpts), campaigns and participation targets: the forum's writers'.
import { db } from "@/lib/db";
import { createCall, createQuestion, createResponse, createUser } from "@/prisma/factories";
import { createExcerpt, createTag } from "@/prisma/factories-coding";
import { createCluster } from "@/prisma/factories-exports";
import { FORUM_WRITERS, type ActionEntry } from "./entry";

const ANSWER = "We run monthly security clinics for local newsrooms and train incident responders.";
const QUOTE = "monthly security clinics";

/** A call of the forum with one question, a submitted response to it and a tag of the call. */
async function codingIn(forumId: string) {
  const call = await createCall(db, { forumId });
  const question = await createQuestion(db, { callId: call.id });
  const author = await createUser(db);
  const response = await createResponse(db, {
    callId: call.id,
    authorId: author.id,
    status: "SUBMITTED",
    answers: [{ questionId: question.id, text: ANSWER }],
  });
  const tag = await createTag(db, { callId: call.id });
  return { call, question, response, tag };
}

/** The same with an excerpt of the answer. */
async function excerptIn(forumId: string) {
  const coding = await codingIn(forumId);
  const excerpt = await createExcerpt(db, { responseId: coding.response.id, questionId: coding.question.id, quote: QUOTE });
  return { ...coding, excerpt };
}

export const CURATION_ACTIONS: Record<string, ActionEntry> = {
  "lib/curation/actions.ts#createTagAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      return { fields: { callId: call.id, name: "capacity building", description: "Training and skills." } };
    },
  },
  "lib/curation/actions.ts#updateTagAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { tag } = await codingIn(forumId);
      return { fields: { tagId: tag.id, name: "human rights", description: "Renamed." } };
    },
  },
  "lib/curation/actions.ts#deleteTagAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { tag } = await codingIn(forumId);
      return { fields: { tagId: tag.id } };
    },
  },
  "lib/curation/actions.ts#setResponseTagAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { response, tag } = await codingIn(forumId);
      return { fields: { responseId: response.id, tagId: tag.id } };
    },
  },
  "lib/curation/actions.ts#createExcerptAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { response, question, tag } = await codingIn(forumId);
      const start = ANSWER.indexOf(QUOTE);
      return {
        fields: {
          responseId: response.id,
          questionId: question.id,
          start: String(start),
          end: String(start + QUOTE.length),
          quote: QUOTE,
          note: "A concrete practice.",
          tagIds: [tag.id],
        },
      };
    },
  },
  "lib/curation/actions.ts#pasteExcerptAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { response, question, tag } = await codingIn(forumId);
      return {
        fields: { responseId: response.id, questionId: question.id, quote: QUOTE, note: "", tagIds: [tag.id] },
      };
    },
  },
  "lib/curation/actions.ts#updateExcerptAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { excerpt, tag } = await excerptIn(forumId);
      return { fields: { excerptId: excerpt.id, note: "Cited in the draft messages.", tagIds: [tag.id] } };
    },
  },
  "lib/curation/actions.ts#deleteExcerptAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { excerpt } = await excerptIn(forumId);
      return { fields: { excerptId: excerpt.id } };
    },
  },
  "lib/curation/campaign-actions.ts#recomputeCampaignsAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { call } = await codingIn(forumId);
      return { fields: { callId: call.id } };
    },
  },
  "lib/curation/campaign-actions.ts#tagCampaignAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const { call, question, response, tag } = await codingIn(forumId);
      const second = await createResponse(db, {
        callId: call.id,
        authorId: (await createUser(db)).id,
        status: "SUBMITTED",
        answers: [{ questionId: question.id, text: ANSWER }],
      });
      const campaign = await createCluster(db, call.id, [response.id, second.id]);
      return { fields: { clusterId: campaign.id, tagId: tag.id } };
    },
  },
  "lib/insights/actions.ts#setTargetsAction": {
    allowed: FORUM_WRITERS,
    setup: async ({ forumId }) => {
      const call = await createCall(db, { forumId });
      return { fields: { callId: call.id, minGroupShare: "15", allRegions: "on" } };
    },
  },
};
