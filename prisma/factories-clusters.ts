// Texts and responses for the campaign (near-duplicate) tests, the clustering bench and the demo: seeded,
// so a run is repeatable. Distinct texts are assembled from word lists on one topic (cybersecurity norms),
// the worst case for clustering: they share vocabulary and stock phrases but were not copied.
import { randomUUID } from "node:crypto";
import type { Consent, ModerationState, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";

/** mulberry32: a small seeded generator, enough for test data. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Random = ReturnType<typeof seededRandom>;
const pick = <T>(rng: Random, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const SUBJECTS = [
  "our national CERT",
  "small businesses in the region",
  "the ministry of communications",
  "local internet service providers",
  "community networks",
  "women-led civil society groups",
  "university research teams",
  "the regional internet registry",
  "journalists and human rights defenders",
  "municipal governments",
  "hospital IT departments",
  "open source maintainers",
  "the telecommunications regulator",
  "youth coalitions",
  "rural cooperatives",
  "cloud providers operating here",
];
const VERBS = [
  "rarely report",
  "struggle to fund",
  "have started to share",
  "are asking for guidance on",
  "depend heavily on",
  "were excluded from discussions about",
  "quietly ignore",
  "want a clearer role in",
  "have no budget for",
  "learned the hard way about",
  "negotiate informally over",
  "publish annual statistics on",
];
const OBJECTS = [
  "incident response",
  "vulnerability disclosure",
  "supply chain security",
  "critical infrastructure protection",
  "capacity building",
  "encryption policy",
  "coordinated norms implementation",
  "ransomware recovery",
  "confidence building measures",
  "data protection rules",
  "routing security",
  "election infrastructure",
  "attribution of attacks",
  "multistakeholder consultation",
  "cyber hygiene training",
  "cross-border cooperation",
];
const QUALIFIERS = [
  "because trust between sectors is still low",
  "although the legal framework exists on paper",
  "since the last major outage",
  "which leaves the smallest actors exposed",
  "while donors focus on other priorities",
  "and this gap widens every year",
  "even when international norms are cited",
  "despite several regional workshops",
  "so the same mistakes are repeated",
  "unless someone pays for the first steps",
  "as our 2025 survey showed",
  "in a language most people here do not speak",
];
const OPENERS = [
  "In our experience,",
  "Frankly,",
  "From the field,",
  "As practitioners,",
  "Looking back,",
  "In practice,",
  "Our members note that",
  "We observe that",
  "It is worth saying that",
  "Speaking for our network,",
];

/** One sentence from the word lists (about 14–20 words). */
export function sentence(rng: Random) {
  const text = `${pick(rng, OPENERS)} ${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)} ${pick(rng, QUALIFIERS)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A response written independently: `sentences` sentences drawn from the shared lists. */
export function distinctText(rng: Random, sentences = 9) {
  return Array.from({ length: sentences }, () => sentence(rng)).join(" ");
}

/** A coalition's campaign text (about 150 words), as many of its members would paste it. */
export const CAMPAIGN_TEXT =
  "We, the undersigned members of the Coalition for an Open and Secure Internet, urge the Best Practice Forum to " +
  "recognise that cybersecurity norms only work when the people they protect are part of writing them. In our region, " +
  "incident reports from small organisations go nowhere because there is no trusted channel to receive them, and the " +
  "national CERT is understaffed. We ask that the final report recommend three things. First, a public, multilingual " +
  "channel for reporting incidents that does not require a lawyer. Second, funding for community networks and local " +
  "civil society to take part in norms discussions from the start, not after decisions are made. Third, a yearly " +
  "review, open to every stakeholder group, of which norms were implemented and which failed. Without these steps, " +
  "norms remain words on paper for the majority of internet users in the Global South.";

const GREETINGS = ["Dear facilitators,", "Hello,", "To the BPF team:", "Dear colleagues,", "Greetings from Nairobi,", "Hi all,"];
const TYPO = (word: string) => (word.length > 4 ? word.slice(0, 2) + word[3] + word[2] + word.slice(4) : word);

/**
 * A copy of a campaign text as people paste it: a different greeting, then a few random edits (a typo,
 * two neighbouring words swapped, a word dropped) and sometimes a sentence of their own at the end.
 */
export function campaignCopy(base: string, rng: Random, edits = 3) {
  const words = base.split(" ");
  for (let e = 0; e < edits; e++) {
    const i = 1 + Math.floor(rng() * (words.length - 2));
    const kind = rng();
    if (kind < 0.4) words[i] = TYPO(words[i]!);
    else if (kind < 0.8) [words[i], words[i + 1]] = [words[i + 1]!, words[i]!];
    else words.splice(i, 1);
  }
  const ending = rng() < 0.5 ? ` ${sentence(rng)}` : "";
  return `${pick(rng, GREETINGS)} ${words.join(" ")}${ending}`;
}

export type PlantedResponse = {
  texts: string[];
  submittedAt: Date;
  consent?: Consent;
  moderationState?: ModerationState;
  status?: "SUBMITTED" | "WITHDRAWN";
  stakeholderGroup?: StakeholderGroup;
  region?: UnRegion;
};

/**
 * Many submitted responses without authors (as after account deletion), in a few statements: the bench
 * plants 10,000 and a factory call per row would take minutes. `texts[i]` answers `questionIds[i]`.
 * Returns the ids in the order given.
 */
export async function plantResponses(client: DbClient, callId: string, questionIds: string[], rows: PlantedResponse[]) {
  const prefix = randomUUID().slice(0, 8).toUpperCase();
  const ids: string[] = rows.map(() => randomUUID());
  const CHUNK = 1000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const slice = rows.slice(start, start + CHUNK);
    await client.response.createMany({
      data: slice.map((row, offset) => ({
        id: ids[start + offset]!,
        callId,
        status: row.status ?? "SUBMITTED",
        submittedAt: row.submittedAt,
        withdrawnAt: row.status === "WITHDRAWN" ? row.submittedAt : null,
        version: 1,
        reference: `P${prefix}-${String(start + offset + 1).padStart(5, "0")}`,
        consent: row.consent ?? "PUBLISH_ANONYMOUS",
        moderationState: row.moderationState ?? "PUBLISHED",
        stakeholderGroup: row.stakeholderGroup ?? "CIVIL_SOCIETY",
        region: row.region ?? "AFRICA",
      })),
    });
    await client.answer.createMany({
      data: slice.flatMap((row, offset) =>
        row.texts.map((text, q) => ({ responseId: ids[start + offset]!, questionId: questionIds[q]!, text, choices: [] })),
      ),
    });
  }
  return ids;
}

/**
 * `count` responses to four questions written separately (a short first answer, three long ones), those for
 * which `pasted(i)` holds carrying the coalition's campaign text as their answer to question 1, edited each
 * time: a campaign found in one question's answers only. Submitted a minute apart from `start`.
 */
export function pastedCampaignRows(
  rng: Random,
  count: number,
  pasted: (index: number) => boolean,
  start: number,
  consent: (index: number) => Consent = () => "PUBLISH_ANONYMOUS",
): PlantedResponse[] {
  return Array.from({ length: count }, (_, i) => ({
    texts: [
      pasted(i) ? campaignCopy(CAMPAIGN_TEXT, rng, 2 + Math.floor(rng() * 4)) : distinctText(rng, 4),
      distinctText(rng, 8),
      distinctText(rng, 8),
      distinctText(rng, 8),
    ],
    submittedAt: new Date(start + i * 60_000),
    consent: consent(i),
  }));
}
