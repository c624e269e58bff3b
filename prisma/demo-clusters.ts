// Demo campaign: eight members of a community-networks coalition answer the open call with the coalition's
// text, each with a greeting and sometimes a line of their own, as happens in real consultations. Then the
// call is clustered (as the system) when it never was or a response arrived since, so the moderators'
// Campaigns page and the collapsed public list have something to show. Idempotent: users by email,
// responses by (call, author); a second run with nothing new recomputes nothing.
import { changedSince, computeClusters, systemAudit } from "@/lib/curation/cluster-call";
import type { Db } from "@/lib/db";
import type { Consent, UnRegion } from "@/lib/generated/prisma/enums";
import { DEMO_CALLS, DEMO_DOMAIN } from "./demo-content";
import { createResponse, createUser } from "./factories";

const DAY = 24 * 60 * 60 * 1000;
const COALITION = "Community Networks for Secure Connectivity";

const NORMS =
  "Our coalition of community networks believes that cybersecurity norms must start from the people who build " +
  "and run local infrastructure. In villages and small towns, volunteers keep networks running with donated " +
  "equipment and no security budget. The values we share are simple: nobody is cut off as punishment, incidents " +
  "are reported to neighbours before they spread, and passwords and keys are never sold or handed to strangers. " +
  "These norms are unwritten, but they hold because everyone knows everyone.";
const WORKED =
  "The norm that has worked best for us is mutual help after an incident. When one network is attacked, " +
  "operators from nearby networks share logs, lend equipment and stay on call until service is back. It works " +
  "because it costs little, it is reciprocal, and no one is blamed in public for asking for help.";

const MEMBERS: {
  name: string;
  region: UnRegion;
  country: string;
  organisation: string;
  greeting: string;
  own?: string;
  consent: Consent;
  daysAgo: number;
}[] = [
  {
    name: "Tendai Moyo",
    region: "AFRICA",
    country: "ZW",
    organisation: "Mhondoro Community Wireless",
    greeting: "Dear BPF facilitators,",
    consent: "PUBLISH_NAMED",
    daysAgo: 12,
  },
  {
    name: "Rosa Quispe",
    region: "LATIN_AMERICA_CARIBBEAN",
    country: "PE",
    organisation: "Red Comunitaria Andina",
    greeting: "Hello,",
    own: "In the Andes, our nearest technician is six hours away by road.",
    consent: "PUBLISH_NAMED",
    daysAgo: 11,
  },
  {
    name: "Arjun Mehta",
    region: "ASIA_PACIFIC",
    country: "IN",
    organisation: "Gram Net Collective",
    greeting: "To the Best Practice Forum,",
    consent: "PUBLISH_NAMED",
    daysAgo: 10,
  },
  {
    name: "Fatou Ndiaye",
    region: "AFRICA",
    country: "SN",
    organisation: "Réseau Villageois Casamance",
    greeting: "Dear colleagues,",
    own: "We would welcome material in French.",
    consent: "PUBLISH_ANONYMOUS",
    daysAgo: 9,
  },
  {
    name: "Mele Taufa",
    region: "ASIA_PACIFIC",
    country: "TO",
    organisation: "Vava'u Island Link",
    greeting: "Greetings from Tonga,",
    consent: "PUBLISH_NAMED",
    daysAgo: 8,
  },
  {
    name: "Ivana Horvat",
    region: "EASTERN_EUROPE",
    country: "HR",
    organisation: "Otok Mreža",
    greeting: "Dear facilitators,",
    consent: "PRIVATE",
    daysAgo: 7,
  },
  {
    name: "Jacob Lindqvist",
    region: "WESTERN_EUROPE_OTHERS",
    country: "SE",
    organisation: "Byanät Norrland",
    greeting: "Hi all,",
    own: "Winter storms are our most common incident.",
    consent: "PUBLISH_NAMED",
    daysAgo: 6,
  },
  {
    name: "Lucía Herrera",
    region: "LATIN_AMERICA_CARIBBEAN",
    country: "CO",
    organisation: "Conecta Montes de María",
    greeting: "Dear BPF team,",
    consent: "PUBLISH_NAMED",
    daysAgo: 5,
  },
];

/** Small edits a person makes to a pasted text: the i-th member changes one word (or none). */
const EDITS: [string, string][] = [
  ["", ""],
  ["simple", "clear"],
  ["", ""],
  ["nearby", "neighbouring"],
  ["lend", "share"],
  ["", ""],
  ["believes", "thinks"],
  ["", ""],
];

export async function seedDemoClusters(db: Db) {
  const slug = DEMO_CALLS.find((call) => call.key === "open")!.slug;
  const call = await db.call.findUnique({
    where: { slug },
    select: { id: true, clusteredAt: true, questions: { orderBy: { position: "asc" }, select: { id: true, options: true } } },
  });
  if (!call) return;
  const [q1, q2, q3] = call.questions;
  const now = Date.now();
  for (const [index, member] of MEMBERS.entries()) {
    const [from, to] = EDITS[index]!;
    const edit = (text: string) => (from ? text.replace(from, to) : text);
    const user = await createUser(db, {
      email: `campaign-${String(index + 1).padStart(2, "0")}@${DEMO_DOMAIN}`,
      role: "STAKEHOLDER",
      profile: {
        displayName: member.name,
        stakeholderGroup: "CIVIL_SOCIETY",
        region: member.region,
        country: member.country,
        organisation: member.organisation,
        onBehalfOf: COALITION,
      },
    });
    await createResponse(db, {
      callId: call.id,
      authorId: user.id,
      status: "SUBMITTED",
      consent: member.consent,
      submittedAt: new Date(now - member.daysAgo * DAY),
      answers: [
        { questionId: q1!.id, text: [member.greeting, edit(NORMS), member.own].filter(Boolean).join(" ") },
        { questionId: q2!.id, choices: q2!.options.slice(1, 2) },
        { questionId: q3!.id, text: edit(WORKED) },
      ],
    });
  }
  if (!call.clusteredAt || (await changedSince(db, call.id, call.clusteredAt)) > 0)
    await computeClusters(db, null, call.id, systemAudit);
}
