// The demo's forums and the people who run them: the BPF Cybersecurity (whose calls are the demo's
// consultation) and a Dynamic Coalition preparing its first call, each with its own facilitator, and an
// observer of the BPF (a MAG member following its work). The demo moderator (prisma/demo-content.ts) is a
// moderator from before forums: facilitator of every forum until an administrator narrows it.
// Everyone below is invented. Idempotent: rows are upserted by slug and email.
import type { ForumKind, ForumRole } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";
import { DEMO_DOMAIN, DEMO_FORUM } from "./demo-content";
import { createAppointment, createCall, createForum, createQuestion, createUser, type ProfileData } from "./factories";

export const DEMO_FORUM_DETAILS = {
  kind: "BEST_PRACTICE_FORUM",
  contactEmail: `bpf-cybersecurity@${DEMO_DOMAIN}`,
} as const satisfies { kind: ForumKind; contactEmail: string };

export const DEMO_COALITION = {
  slug: "dc-internet-rights",
  name: "Dynamic Coalition on Internet Rights and Principles",
  kind: "DYNAMIC_COALITION",
  contactEmail: `dc-internet-rights@${DEMO_DOMAIN}`,
  description:
    "An open coalition of individuals and organisations working to uphold human rights on the internet and to " +
    "root internet governance processes in human rights standards.",
} as const;

/** The coalition's call, still a draft its facilitator is preparing: only its forum's people see it. */
export const DEMO_COALITION_CALL = {
  slug: "rights-in-crisis-2027",
  title: "Internet rights in times of crisis: call for contributions 2027",
  referencePrefix: "IRP27",
  thematicTrack: "Human rights",
  introduction:
    "Shutdowns, throttling and blanket surveillance are often justified by emergencies. The coalition asks how " +
    "rights online can be kept during a crisis, and what has worked where they were.",
  questions: [
    { prompt: "Which measures taken during a crisis affected internet rights where you work?", type: "LONG_TEXT" },
    { prompt: "What safeguards kept rights in place, and who enforced them?", type: "LONG_TEXT" },
    { prompt: "What should the coalition recommend to governments and companies?", type: "LONG_TEXT" },
  ],
} as const;

type DemoAppointee = { email: string; forum: "bpf" | "coalition"; part: ForumRole; profile: ProfileData };

export const DEMO_APPOINTEES: readonly DemoAppointee[] = [
  {
    email: `facilitator@${DEMO_DOMAIN}`,
    forum: "bpf",
    part: "FACILITATOR",
    profile: {
      displayName: "Akosua Mensah-Hartley",
      stakeholderGroup: "TECHNICAL_COMMUNITY",
      region: "AFRICA",
      country: "GH",
      organisation: "BPF Cybersecurity facilitation team",
      onBehalfOf: null,
    },
  },
  {
    email: `observer@${DEMO_DOMAIN}`,
    forum: "bpf",
    part: "OBSERVER",
    profile: {
      displayName: "Rafael Quispe Mamani",
      stakeholderGroup: "GOVERNMENT",
      region: "LATIN_AMERICA_CARIBBEAN",
      country: "PE",
      organisation: "Multistakeholder Advisory Group",
      onBehalfOf: null,
    },
  },
  {
    email: `coalition@${DEMO_DOMAIN}`,
    forum: "coalition",
    part: "FACILITATOR",
    profile: {
      displayName: "Leyla Haddad",
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "ASIA_PACIFIC",
      country: "LB",
      organisation: "Dynamic Coalition on Internet Rights and Principles",
      onBehalfOf: null,
    },
  },
];

export async function seedDemoForums(tx: DbClient) {
  const bpf = await createForum(tx, DEMO_FORUM);
  await tx.forum.update({ where: { id: bpf.id }, data: DEMO_FORUM_DETAILS, select: { id: true } });
  const { kind, contactEmail, ...coalitionFields } = DEMO_COALITION;
  const coalition = await createForum(tx, coalitionFields);
  await tx.forum.update({ where: { id: coalition.id }, data: { kind, contactEmail }, select: { id: true } });

  const existing = await tx.call.findUnique({ where: { slug: DEMO_COALITION_CALL.slug }, select: { id: true } });
  if (!existing) {
    const { questions, ...call } = DEMO_COALITION_CALL;
    const day = 24 * 60 * 60 * 1000;
    const { id } = await createCall(tx, {
      ...call,
      forumId: coalition.id,
      publishedAt: null,
      opensAt: new Date(Date.now() + 14 * day),
      closesAt: new Date(Date.now() + 60 * day),
    });
    for (const [index, question] of questions.entries())
      await createQuestion(tx, { callId: id, position: index + 1, ...question, required: index === 0, options: [] });
  }

  const forums = { bpf: bpf.id, coalition: coalition.id };
  for (const person of DEMO_APPOINTEES) {
    const user = await createUser(tx, { email: person.email, role: "STAKEHOLDER", profile: person.profile });
    await createAppointment(tx, { forumId: forums[person.forum], userId: user.id, role: person.part });
  }
}
