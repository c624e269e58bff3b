// Factories for the final messages: a call whose responses cover every consent and moderation case, and
// a message set whose last published version is marked final, with comments. Rows are written directly
// (marking a version final is the versions module's action), as the state that action leaves.
import type { Consent, ModerationState, ResponseStatus, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { FrozenCitation, VersionContent } from "@/lib/messages/content";
import { createCall, createForum, createQuestion, createResponse, createUser, uniqueSuffix } from "./factories";
import type { DbClient } from "@/lib/db";

type Person = {
  name: string;
  group: StakeholderGroup;
  region: UnRegion;
  consent?: Consent;
  organisation?: string | null;
  onBehalfOf?: string | null;
  moderationState?: ModerationState;
  status?: ResponseStatus;
};

/** A submitted response by a new user with this name and profile (then hidden, pending or withdrawn if asked). */
export async function createContribution(client: DbClient, callId: string, questionId: string, person: Person) {
  const author = await createUser(client, {
    profile: {
      displayName: person.name,
      stakeholderGroup: person.group,
      region: person.region,
      organisation: person.organisation ?? null,
      onBehalfOf: person.onBehalfOf ?? null,
    },
  });
  const response = await createResponse(client, {
    callId,
    authorId: author.id,
    status: "SUBMITTED",
    consent: person.consent ?? "PUBLISH_NAMED",
    answers: [{ questionId, text: `${person.name} thinks capacity building must reach small CERTs.` }],
  });
  const state = person.moderationState ?? "PUBLISHED";
  const status = person.status ?? "SUBMITTED";
  if (state !== "PUBLISHED" || status !== "SUBMITTED")
    await client.response.update({ where: { id: response.id }, data: { moderationState: state, status }, select: { id: true } });
  return { id: response.id, reference: response.reference!, authorId: author.id, name: person.name };
}

const citationOf = (
  source: { id: string; reference: string },
  group: StakeholderGroup,
  region: UnRegion,
  quote: string | null = null,
): FrozenCitation => ({
  responseId: source.id,
  excerptId: null,
  reference: source.reference,
  stakeholderGroup: group,
  region,
  quote,
});

/**
 * A published call with: two named contributors (non-ASCII names, one organisation full of Markdown
 * characters), one anonymous, one private, one hidden, one withdrawn, and `extraAnonymous` anonymous
 * ones from Civil Society in Africa (so one cell of the participation table reaches the public threshold);
 * a FINAL set whose version 2 is final (version 1 was an earlier draft); comments named, anonymous, hidden.
 */
export async function createFinalScenario(client: DbClient, { extraAnonymous = 5 }: { extraAnonymous?: number } = {}) {
  const suffix = uniqueSuffix();
  const forum = await createForum(client, { name: `Best Practice Forum on Cybersecurity ${suffix}` });
  const call = await createCall(client, {
    forumId: forum.id,
    title: `Cybersecurity norms ${suffix}`,
    thematicTrack: "Security, Safety, Stability and Resilience",
  });
  const question = await createQuestion(client, { callId: call.id });
  const add = (person: Person) => createContribution(client, call.id, question.id, person);

  const zoe = await add({
    name: `Zoë Ångström ${suffix}`,
    group: "CIVIL_SOCIETY",
    region: "AFRICA",
    organisation: `*Nordic* [Net](javascript:alert(1)) Foundation ${suffix}`,
  });
  const dmitry = await add({
    name: `Дмитрий Петров ${suffix}`,
    group: "GOVERNMENT",
    region: "EASTERN_EUROPE",
    organisation: "Ministry of Digital Development",
    onBehalfOf: "Working Group on CERTs",
  });
  const anonymous = await add({
    name: `Anonymous Author ${suffix}`,
    group: "PRIVATE_SECTOR",
    region: "EASTERN_EUROPE",
    consent: "PUBLISH_ANONYMOUS",
  });
  const privateOne = await add({
    name: `Private Author ${suffix}`,
    group: "ACADEMIA",
    region: "ASIA_PACIFIC",
    consent: "PRIVATE",
  });
  const hidden = await add({
    name: `Hidden Author ${suffix}`,
    group: "TECHNICAL_COMMUNITY",
    region: "LATIN_AMERICA_CARIBBEAN",
    moderationState: "HIDDEN",
  });
  const withdrawn = await add({ name: `Withdrawn Author ${suffix}`, group: "GOVERNMENT", region: "AFRICA", status: "WITHDRAWN" });
  for (let i = 0; i < extraAnonymous; i++)
    await add({ name: `Crowd Author ${i} ${suffix}`, group: "CIVIL_SOCIETY", region: "AFRICA", consent: "PUBLISH_ANONYMOUS" });

  const finalText = {
    first: `Capacity building must reach the smallest CERTs in every region ${suffix}.`,
    second: `Incident reporting works best when **trusted** channels exist across borders ${suffix}.`,
    third: `Cooperation between stakeholder groups remains the foundation ${suffix}.`,
  };
  const draft: VersionContent = [
    {
      heading: "Capacity building",
      paragraphs: [{ paragraphId: `p1-${suffix}`, body: `An earlier draft sentence ${suffix}.`, origins: [], citations: [] }],
    },
  ];
  const final: VersionContent = [
    {
      heading: "Capacity building",
      paragraphs: [
        {
          paragraphId: `p1-${suffix}`,
          body: finalText.first,
          origins: [],
          citations: [
            citationOf(zoe, "CIVIL_SOCIETY", "AFRICA", "must reach small CERTs"),
            citationOf(hidden, "TECHNICAL_COMMUNITY", "LATIN_AMERICA_CARIBBEAN"),
          ],
        },
        {
          paragraphId: `p2-${suffix}`,
          body: finalText.second,
          origins: [],
          citations: [
            citationOf(anonymous, "PRIVATE_SECTOR", "EASTERN_EUROPE"),
            citationOf(dmitry, "GOVERNMENT", "EASTERN_EUROPE"),
          ],
        },
      ],
    },
    { heading: "Cooperation", paragraphs: [{ paragraphId: `p3-${suffix}`, body: finalText.third, origins: [], citations: [] }] },
  ];
  const day = 24 * 3600 * 1000;
  const finalisedAt = new Date(Date.now() - day);
  const set = await client.messageSet.create({
    data: {
      callId: call.id,
      slug: `final-messages-${suffix}`,
      title: `Final messages on cybersecurity ${suffix}`,
      status: "FINAL",
      introduction: "These messages were compiled from the contributions received.",
      versions: {
        create: [
          {
            number: 1,
            content: draft,
            publishedAt: new Date(Date.now() - 10 * day),
            title: `Draft messages ${suffix}`,
            introduction: "Draft.",
          },
          {
            number: 2,
            content: final,
            publishedAt: finalisedAt,
            finalisedAt,
            title: `Final messages on cybersecurity ${suffix}`,
            introduction: `## About these messages\n\nThese messages were compiled from **all** contributions received ${suffix}.`,
          },
        ],
      },
    },
    select: { id: true, slug: true, title: true, versions: { orderBy: { number: "asc" }, select: { id: true } } },
  });

  const commenter = (name: string, group: StakeholderGroup, region: UnRegion) =>
    createUser(client, { profile: { displayName: name, stakeholderGroup: group, region } });
  const named = await commenter(`Ηλέκτρα Παπαδοπούλου ${suffix}`, "ACADEMIA", "WESTERN_EUROPE_OTHERS");
  const anonymousCommenter = await commenter(`Anonymous Commenter ${suffix}`, "GOVERNMENT", "AFRICA");
  const hiddenCommenter = await commenter(`Hidden Commenter ${suffix}`, "PRIVATE_SECTOR", "AFRICA");
  const comment = (
    authorId: string,
    group: StakeholderGroup,
    region: UnRegion,
    extra: { anonymous?: boolean; moderationState?: ModerationState } = {},
  ) =>
    client.comment.create({
      data: {
        setId: set.id,
        versionId: set.versions[0]!.id,
        paragraphId: `p1-${suffix}`,
        authorId,
        body: "A comment on the draft.",
        stakeholderGroup: group,
        region,
        ...extra,
      },
      select: { id: true },
    });
  await comment(named.id, "ACADEMIA", "WESTERN_EUROPE_OTHERS");
  await comment(named.id, "ACADEMIA", "WESTERN_EUROPE_OTHERS");
  await comment(anonymousCommenter.id, "GOVERNMENT", "AFRICA", { anonymous: true });
  await comment(hiddenCommenter.id, "PRIVATE_SECTOR", "AFRICA", { moderationState: "HIDDEN" });

  return {
    call,
    forum,
    set,
    finalText,
    finalisedAt,
    responses: { zoe, dmitry, anonymous, privateOne, hidden, withdrawn },
    commenters: {
      named: named.profile!.displayName,
      anonymous: anonymousCommenter.profile!.displayName,
      hidden: hiddenCommenter.profile!.displayName,
    },
  };
}

/** A published (not final) set of a call, with one published version. */
export async function createPublishedSet(client: DbClient, callId: string) {
  const suffix = uniqueSuffix();
  const content: VersionContent = [
    {
      heading: "Draft",
      paragraphs: [{ paragraphId: `d1-${suffix}`, body: `A draft paragraph ${suffix}.`, origins: [], citations: [] }],
    },
  ];
  return client.messageSet.create({
    data: {
      callId,
      slug: `published-messages-${suffix}`,
      title: `Published messages ${suffix}`,
      status: "PUBLISHED",
      versions: {
        create: [
          {
            number: 1,
            content,
            publishedAt: new Date(Date.now() - 3600_000),
            title: `Published messages ${suffix}`,
            introduction: "",
          },
        ],
      },
    },
    select: { id: true, slug: true },
  });
}
