// One call with a response in every state the exports must tell apart, curation rows, and message sets.
// Each respondent's name, organisation and answer carry a marker unique to this run, so a test can search
// the whole text of an export for anything it must not contain.
import { db } from "@/lib/db";
import type { Consent, ModerationState } from "@/lib/generated/prisma/enums";
import { createCall, createQuestion, createResponse, createUser, uniqueSuffix } from "@/prisma/factories";
import { createCluster, createExcerpt, createMessageSet, createTag, tagResponse } from "@/prisma/factories-exports";

const base = Date.now() - 5 * 24 * 3600_000;
const KINDS = ["named", "anonymous", "private", "pending", "hidden", "withdrawn", "draft"] as const;
export type Kind = (typeof KINDS)[number];

export async function exportScenario() {
  const call = await createCall(db);
  const text = await createQuestion(db, { callId: call.id, prompt: "What are typical norms in your community?" });
  const choice = await createQuestion(db, { callId: call.id, type: "MULTIPLE_CHOICE", prompt: "Which apply?" });
  const setup: Record<Kind, { consent: Consent; state?: ModerationState; status?: "DRAFT" | "SUBMITTED" }> = {
    named: { consent: "PUBLISH_NAMED" },
    anonymous: { consent: "PUBLISH_ANONYMOUS" },
    private: { consent: "PRIVATE" },
    pending: { consent: "PUBLISH_NAMED", state: "PENDING" },
    hidden: { consent: "PUBLISH_NAMED", state: "HIDDEN" },
    withdrawn: { consent: "PUBLISH_NAMED" },
    draft: { consent: "PUBLISH_NAMED", status: "DRAFT" },
  };
  const responses = {} as Record<
    Kind,
    { id: string; reference: string | null; marker: string; name: string; organisation: string; answer: string }
  >;
  for (const [index, kind] of KINDS.entries()) {
    const marker = `${kind}-${uniqueSuffix()}`;
    const name = `Zephyrine ${marker}`;
    const organisation = `Quillfeather ${marker} Institute`;
    const user = await createUser(db, {
      profile: { displayName: name, organisation, onBehalfOf: `Coalition ${marker}`, country: "KE" },
    });
    const answer =
      kind === "named"
        ? `Norms of ${marker}: he said "no", then,\nleft.`
        : kind === "anonymous"
          ? `=HYPERLINK("http://x.example/${marker}")`
          : `Answer ${marker}`;
    const created = await createResponse(db, {
      callId: call.id,
      authorId: user.id,
      status: setup[kind].status ?? "SUBMITTED",
      consent: setup[kind].consent,
      submittedAt: new Date(base + index * 60_000),
      answers: [
        { questionId: text.id, text: answer },
        { questionId: choice.id, choices: ["Yes", "Partly"] },
      ],
    });
    if (setup[kind].state) await db.response.update({ where: { id: created.id }, data: { moderationState: setup[kind].state } });
    if (kind === "withdrawn")
      await db.response.update({ where: { id: created.id }, data: { status: "WITHDRAWN", withdrawnAt: new Date() } });
    responses[kind] = { id: created.id, reference: created.reference, marker, name, organisation, answer };
  }
  const tag = await createTag(db, { callId: call.id, name: `incident response ${uniqueSuffix()}` });
  await tagResponse(db, responses.private.id, tag.id);
  const cluster = await createCluster(db, call.id, [responses.named.id, responses.private.id]);
  const excerpt = await createExcerpt(db, {
    responseId: responses.private.id,
    questionId: text.id,
    text: responses.private.answer,
    start: 0,
    end: 6,
    note: "Strong point",
    tagIds: [tag.id],
  });
  const cite = (kind: Kind, quote: string | null = null) => ({
    responseId: responses[kind].id,
    reference: responses[kind].reference!,
    stakeholderGroup: "CIVIL_SOCIETY" as const,
    region: "AFRICA" as const,
    quote,
  });
  const published = await createMessageSet(db, {
    callId: call.id,
    status: "PUBLISHED",
    publishVersion: true,
    sections: [
      {
        heading: "Policy and Cooperation",
        paragraphs: [
          {
            body: "Norms need all stakeholder groups.",
            citations: [cite("named", "he said"), cite("private", responses.private.answer)],
          },
          { body: "Capacity building comes first.", citations: [] },
        ],
      },
    ],
  });
  const draftSet = await createMessageSet(db, {
    callId: call.id,
    sections: [
      { heading: "Draft only", paragraphs: [{ body: `Unpublished ${uniqueSuffix()}`, citations: [cite("anonymous")] }] },
    ],
  });
  return { call, questions: { text, choice }, responses, tag, cluster, excerpt, published, draftSet };
}

/** The text of an export stream, its BOM kept. */
export async function readAll(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));
}
