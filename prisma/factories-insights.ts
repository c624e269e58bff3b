// Factories for participation and personal-data tests: a submitted response by a new person of a given
// group and region, and a draft message paragraph citing a response. They reuse prisma/factories.ts.
import type { Consent, ResponseStatus, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import { createResponse, createUser, uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

/** A new person of `group` in `region` and their response to `callId` (submitted unless told otherwise). */
export async function createResponseFrom(
  client: DbClient,
  options: {
    callId: string;
    group: StakeholderGroup;
    region: UnRegion;
    submittedAt?: Date;
    status?: ResponseStatus;
    consent?: Consent;
    name?: string;
    organisation?: string;
  },
) {
  const user = await createUser(client, {
    profile: {
      stakeholderGroup: options.group,
      region: options.region,
      ...(options.name && { displayName: options.name }),
      ...(options.organisation && { organisation: options.organisation }),
    },
  });
  const response = await createResponse(client, {
    callId: options.callId,
    authorId: user.id,
    status: options.status ?? "SUBMITTED",
    submittedAt: options.submittedAt,
    consent: options.consent,
  });
  return { user, response };
}

/** A draft message set of the call with one paragraph citing `response` (copying its reference, group, region). */
export async function createCitationOf(
  client: DbClient,
  callId: string,
  response: { id: string; reference: string | null; stakeholderGroup: StakeholderGroup | null; region: UnRegion | null },
) {
  const suffix = uniqueSuffix();
  const set = await client.messageSet.create({
    data: { callId, slug: `test-messages-${suffix}`, title: `Test messages ${suffix}` },
    select: { id: true },
  });
  const section = await client.messageSection.create({
    data: { setId: set.id, position: 1, heading: "Capacity building" },
    select: { id: true },
  });
  const paragraph = await client.messageParagraph.create({
    data: { setId: set.id, sectionId: section.id, position: 1, body: "Capacity building needs long-term funding." },
    select: { id: true },
  });
  return client.citation.create({
    data: {
      paragraphId: paragraph.id,
      responseId: response.id,
      reference: response.reference ?? "",
      stakeholderGroup: response.stakeholderGroup,
      region: response.region,
    },
    select: { id: true },
  });
}
