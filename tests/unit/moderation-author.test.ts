// Moderators see who wrote a response (issue 17): the moderation response page and the moderation queue
// give the account's name and email, the identity the response was filed under and the consent, to the
// forum's facilitators and observers and to administrators; a stakeholder and a facilitator of another forum
// are refused as before; a deleted account is said to be deleted; the public still sees an anonymous
// response without its author.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { getResponseForCuration } from "@/lib/curation/response-view";
import { db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { ResponseAuthor } from "@/lib/moderation/author";
import { listQueue } from "@/lib/moderation/queue";
import { getPublishedResponse } from "@/lib/responses/public";
import { createForum } from "@/prisma/factories";
import { createModeratedCall, createModeratedResponse } from "@/prisma/factories-moderation";
import { actor, appointee } from "./helpers";

afterAll(disconnectDb);

/** A refusal as "kind:code"; "allowed" when the promise resolves. */
async function outcome(promise: Promise<unknown>) {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (isAppError(error)) return `${error.kind}:${error.code}`;
    throw error;
  }
}

let call: Awaited<ReturnType<typeof createModeratedCall>>;
let response: Awaited<ReturnType<typeof createModeratedResponse>>;
let expected: ResponseAuthor;

beforeAll(async () => {
  call = await createModeratedCall(db);
  response = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
  // Filed on behalf of a coalition and published without the name: what the public sees differs from what
  // the moderators see.
  await db.response.update({
    where: { id: response.id },
    data: { onBehalfOf: "Coalition for Open Networks", consent: "PUBLISH_ANONYMOUS", attachmentsPrivate: true },
    select: { id: true },
  });
  const author = await db.user.findUniqueOrThrow({
    where: { id: response.authorId },
    select: { email: true, profile: { select: { displayName: true, organisation: true } } },
  });
  expected = {
    account: { name: author.profile!.displayName, email: author.email },
    organisation: author.profile!.organisation,
    onBehalfOf: "Coalition for Open Networks",
    stakeholderGroup: "CIVIL_SOCIETY",
    region: "AFRICA",
    country: "KE",
    consent: "PUBLISH_ANONYMOUS",
    channel: "FORM",
    contributorName: null,
    enteredBy: null,
    speakers: [],
  };
});

const queueItem = async (who: SessionUser) =>
  (await listQueue(who, call.id, { tab: "new", page: 1 })).items.find((item) => item.id === response.id);

describe("the author of a response on the moderation views", () => {
  it("is given to a facilitator, an observer of the forum and an administrator, on the page and in the queue", async () => {
    const readers = [
      await appointee(call.forumId, "FACILITATOR"),
      await appointee(call.forumId, "OBSERVER"),
      await actor("ADMIN"),
      await actor("MODERATOR"),
    ];
    for (const who of readers) {
      expect((await getResponseForCuration(who, response.id)).author).toEqual(expected);
      expect((await queueItem(who))?.author).toEqual(expected);
    }
  });

  it("is refused, as before, to a stakeholder and to a facilitator of another forum", async () => {
    const stakeholder = await actor("STAKEHOLDER");
    expect(await outcome(getResponseForCuration(stakeholder, response.id))).toBe("forbidden:forbidden");
    expect(await outcome(queueItem(stakeholder))).toBe("forbidden:forbidden");
    const elsewhere = await appointee((await createForum(db)).id, "FACILITATOR");
    expect(await outcome(getResponseForCuration(elsewhere, response.id))).toBe("not_found:responseNotFound");
    expect(await outcome(queueItem(elsewhere))).toBe("not_found:callNotFound");
  });

  it("stays out of what the public reads of an anonymous response", async () => {
    const shown = JSON.stringify(await getPublishedResponse(response.reference!));
    expect(shown).toContain(response.reference!);
    for (const secret of [expected.account!.name!, expected.account!.email, expected.organisation!, expected.onBehalfOf!])
      expect(shown).not.toContain(secret);
  });

  it("says the account was deleted once the author deleted it, keeping what the response was filed under", async () => {
    const own = await createModeratedResponse(db, { callId: call.id, questionId: call.questionId });
    await db.user.delete({ where: { id: own.authorId } });
    const facilitator = await appointee(call.forumId, "FACILITATOR");
    const author = (await getResponseForCuration(facilitator, own.id)).author;
    expect(author).toMatchObject({ account: null, stakeholderGroup: "CIVIL_SOCIETY", region: "AFRICA" });
    const item = (await listQueue(facilitator, call.id, { tab: "new", page: 1 })).items.find((i) => i.id === own.id);
    expect(item?.author).toMatchObject({ account: null, stakeholderGroup: "CIVIL_SOCIETY" });
  });
});
