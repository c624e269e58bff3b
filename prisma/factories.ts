// Factories shared by the tests and the demo seed. Each takes the client (or a transaction client) and
// partial overrides, fills in realistic defaults with a random suffix, and returns a plain, select-limited
// object. Rows are upserted by their stable key (email, slug, (callId, position), (callId, authorId),
// (responseId, questionId)): with the random defaults that is a plain create, and the seed can run the
// same factories again without duplicating anything.
import { randomBytes } from "node:crypto";
import type { DbClient } from "@/lib/db";
import type {
  Consent,
  ForumRole,
  QuestionType,
  ResponseStatus,
  Role,
  StakeholderGroup,
  UnRegion,
} from "@/lib/generated/prisma/enums";
import { assignReference, recordVersion, refreshSearchIndex } from "@/lib/responses/record";

export const uniqueSuffix = () => randomBytes(4).toString("hex");
const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

export type ProfileData = {
  displayName: string;
  stakeholderGroup: StakeholderGroup;
  region: UnRegion;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  organisation: string | null;
  onBehalfOf: string | null;
};

/** The profile fields a submitted response keeps a copy of. */
const snapshotSelect = { stakeholderGroup: true, region: true, country: true, organisation: true, onBehalfOf: true } as const;
const profileSelect = { displayName: true, ...snapshotSelect } as const;

/** A user, with a profile unless `profile: null`. An existing email gets the role and profile given. */
export async function createUser(
  client: DbClient,
  overrides: {
    email?: string;
    role?: Role;
    emailVerified?: Date | null;
    profile?: Partial<ProfileData> | null;
    /** When the account was made (default now); only on create. */
    createdAt?: Date;
  } = {},
) {
  const suffix = uniqueSuffix();
  const email = (overrides.email ?? `stakeholder-${suffix}@test.example.org`).toLowerCase();
  const role = overrides.role ?? "STAKEHOLDER";
  const profile: ProfileData | null =
    overrides.profile === null
      ? null
      : {
          displayName: `Amina Test ${suffix}`,
          stakeholderGroup: "CIVIL_SOCIETY",
          region: "AFRICA",
          country: "KE",
          organisation: `Test Digital Rights Network ${suffix}`,
          onBehalfOf: null,
          ...overrides.profile,
        };
  return client.user.upsert({
    where: { email },
    create: {
      email,
      role,
      emailVerified: overrides.emailVerified === undefined ? new Date() : overrides.emailVerified,
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
      ...(profile && { profile: { create: profile } }),
    },
    update: { role, ...(profile && { profile: { upsert: { create: profile, update: profile } } }) },
    select: { id: true, email: true, role: true, profile: { select: profileSelect } },
  });
}

export async function createForum(client: DbClient, overrides: { slug?: string; name?: string; description?: string } = {}) {
  const suffix = uniqueSuffix();
  const data = {
    name: overrides.name ?? `BPF Test Forum ${suffix}`,
    description: overrides.description ?? "A Best Practice Forum created for a test.",
  };
  const slug = overrides.slug ?? `test-forum-${suffix}`;
  return client.forum.upsert({
    where: { slug },
    create: { slug, ...data },
    update: data,
    select: { id: true, slug: true, name: true },
  });
}

/** Appoints a person to a forum as facilitator or observer (kept as is when already appointed there). */
export async function createAppointment(
  client: DbClient,
  {
    forumId,
    userId,
    role,
    appointedById = null,
  }: { forumId: string; userId: string; role: ForumRole; appointedById?: string | null },
) {
  return client.forumAppointment.upsert({
    where: { forumId_userId: { forumId, userId } },
    create: { forumId, userId, role, appointedById },
    update: { role },
    select: { id: true, forumId: true, userId: true, role: true },
  });
}

/** A call, published and open by default: opened yesterday, closes in 30 days. */
export async function createCall(
  client: DbClient,
  overrides: {
    forumId?: string;
    slug?: string;
    title?: string;
    introduction?: string;
    thematicTrack?: string;
    timeZone?: string;
    opensAt?: Date;
    closesAt?: Date;
    publishedAt?: Date | null;
    referencePrefix?: string;
  } = {},
) {
  const suffix = uniqueSuffix();
  const forumId = overrides.forumId ?? (await createForum(client)).id;
  const opensAt = overrides.opensAt ?? daysFromNow(-1);
  const data = {
    forumId,
    title: overrides.title ?? `Call for contributions ${suffix}`,
    introduction: overrides.introduction ?? "Tell us how your community approaches cybersecurity.",
    thematicTrack: overrides.thematicTrack ?? "Security, Safety, Stability and Resilience",
    timeZone: overrides.timeZone ?? "UTC",
    opensAt,
    closesAt: overrides.closesAt ?? daysFromNow(30),
    publishedAt: overrides.publishedAt === undefined ? opensAt : overrides.publishedAt,
    // All eight hex digits: six (16.7 million) let two of the suite's thousands of calls collide now and then.
    referencePrefix: overrides.referencePrefix ?? `T${suffix.toUpperCase()}`,
  };
  const slug = overrides.slug ?? `test-call-${suffix}`;
  return client.call.upsert({
    where: { slug },
    create: { slug, ...data },
    update: data,
    select: {
      id: true,
      slug: true,
      title: true,
      forumId: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      referencePrefix: true,
      timeZone: true,
    },
  });
}

/** A question, by default a long-text one placed after the call's last question. */
export async function createQuestion(
  client: DbClient,
  overrides: {
    callId: string;
    position?: number;
    prompt?: string;
    helpText?: string;
    type?: QuestionType;
    required?: boolean;
    minLength?: number | null;
    maxLength?: number | null;
    options?: string[];
    maxChoices?: number | null;
  },
) {
  const { callId } = overrides;
  const type = overrides.type ?? "LONG_TEXT";
  const isChoice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
  const position =
    overrides.position ??
    ((await client.question.aggregate({ where: { callId }, _max: { position: true } }))._max.position ?? 0) + 1;
  const data = {
    prompt: overrides.prompt ?? `What does cybersecurity mean in your community? (${uniqueSuffix()})`,
    helpText: overrides.helpText ?? "",
    type,
    required: overrides.required ?? false,
    minLength: overrides.minLength ?? null,
    maxLength: overrides.maxLength === undefined ? (isChoice ? null : 5000) : overrides.maxLength,
    options: overrides.options ?? (isChoice ? ["Yes", "Partly", "No"] : []),
    maxChoices: overrides.maxChoices ?? null,
  };
  return client.question.upsert({
    where: { callId_position: { callId, position } },
    create: { callId, position, ...data },
    update: data,
    select: { id: true, callId: true, position: true, type: true, prompt: true, required: true },
  });
}

/**
 * A response (a DRAFT by default). A SUBMITTED one gets a copy of the author's profile, `submittedAt`
 * (now unless given), a receipt number and its first version, as a real submission does; the author must
 * then have a profile. `consent` defaults to publishing with the author's name once submitted; a draft has
 * none (null) unless given, as a new draft in the app (the author has not chosen yet).
 */
export async function createResponse(
  client: DbClient,
  overrides: {
    callId: string;
    authorId: string;
    status?: ResponseStatus;
    submittedAt?: Date;
    consent?: Consent | null;
    /** The language of the answers (a locale); English by default, as the column. */
    language?: string;
    answers?: { questionId: string; text?: string; choices?: string[] }[];
  },
) {
  const { callId, authorId, language } = overrides;
  const status = overrides.status ?? "DRAFT";
  let snapshot: { [K in keyof Omit<ProfileData, "displayName">]: ProfileData[K] | null } & { submittedAt: Date | null } = {
    stakeholderGroup: null,
    region: null,
    country: null,
    organisation: null,
    onBehalfOf: null,
    submittedAt: null,
  };
  if (status === "SUBMITTED") {
    const profile = await client.profile.findUniqueOrThrow({ where: { userId: authorId }, select: snapshotSelect });
    snapshot = { ...profile, submittedAt: overrides.submittedAt ?? new Date() };
  }
  const consent = overrides.consent !== undefined ? overrides.consent : status === "DRAFT" ? null : "PUBLISH_NAMED";
  const response = await client.response.upsert({
    where: { callId_authorId: { callId, authorId } },
    create: { callId, authorId, status, consent, language, ...snapshot },
    update: { status, consent, language, ...snapshot },
    select: {
      id: true,
      callId: true,
      authorId: true,
      status: true,
      submittedAt: true,
      consent: true,
      reference: true,
      version: true,
      stakeholderGroup: true,
      region: true,
      country: true,
      organisation: true,
      onBehalfOf: true,
    },
  });
  for (const { questionId, text = "", choices = [] } of overrides.answers ?? []) {
    await client.answer.upsert({
      where: { responseId_questionId: { responseId: response.id, questionId } },
      create: { responseId: response.id, questionId, text, choices },
      update: { text, choices },
      select: { id: true },
    });
  }
  if (status === "SUBMITTED" && response.version === 0) {
    response.reference ??= await assignReference(client, callId);
    await client.response.update({ where: { id: response.id }, data: { reference: response.reference }, select: { id: true } });
    response.version = await recordVersion(client, response.id, snapshot.submittedAt!);
  } else if (status === "SUBMITTED") {
    await refreshSearchIndex(client, response.id); // answers may have been upserted again
  }
  return response;
}
