// The demo consultation, as data: a BPF Cybersecurity forum with an open and a closed call, and the
// (fictional) people who answered them. prisma/seed.ts writes it to the database. Dates are offsets in
// days from the moment the seed runs, so the open call is open whenever it is seeded. Every person and
// organisation below is invented; country codes are ISO 3166-1 alpha-2 and match the UN regional group.
import type { Consent, QuestionType, ResponseStatus, Role, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { ProfileData } from "./factories";

export const DEMO_DOMAIN = "demo.example.org";

/** Accounts to sign in with on a demo installation (sign-in links go to the dev mail outbox). */
export const DEMO_ACCOUNTS = {
  stakeholder: `stakeholder@${DEMO_DOMAIN}`,
  moderator: `moderator@${DEMO_DOMAIN}`,
  admin: `admin@${DEMO_DOMAIN}`,
} as const;

export type DemoCallKey = "open" | "closed";

export type DemoQuestion = {
  prompt: string;
  helpText?: string;
  type: QuestionType;
  required?: boolean;
  maxLength?: number;
  options?: readonly string[];
  maxChoices?: number;
};

export type DemoCall = {
  key: DemoCallKey;
  /** Receipts read "<prefix>-0001". */
  referencePrefix: string;
  slug: string;
  title: string;
  introduction: string;
  thematicTrack: string;
  timeZone: string;
  publishedDaysAgo: number;
  opensDaysAgo: number;
  /** Negative for a call that has closed. */
  closesInDays: number;
  /** Positions are 1, 2, 3, … in this order. */
  questions: readonly DemoQuestion[];
};

/** Answers by question position: text for text questions, the chosen options for choice questions. */
export type DemoAnswers = Readonly<Partial<Record<number, string | readonly string[]>>>;

export type DemoResponse = {
  call: DemoCallKey;
  status: Extract<ResponseStatus, "SUBMITTED" | "DRAFT">;
  /** Submitted responses only. */
  submittedDaysAgo?: number;
  /** What the author allows to be published; with the name unless said otherwise. */
  consent?: Consent;
  answers: DemoAnswers;
};

export type DemoProfile = ProfileData;

export type DemoPerson = { email: string; role: Role; profile: DemoProfile; responses: readonly DemoResponse[] };

export const DEMO_FORUM = {
  slug: "bpf-cybersecurity",
  name: "BPF Cybersecurity",
  description:
    "The IGF Best Practice Forum on Cybersecurity gathers experience from governments, companies, the technical " +
    "community, civil society, academia and international organisations on what makes the internet safer, and " +
    "publishes what it learns for anyone to use.",
} as const;

const TRACK = "Security, Safety, Stability and Resilience";
const LONG = { type: "LONG_TEXT", maxLength: 5000 } as const;

const FAMILIARITY = {
  daily: "They shape our daily work",
  known: "We know them but rarely refer to them",
  heard: "We have heard of them, little more",
  unknown: "They are unknown in our community",
} as const;

const CAPACITY = {
  csirt: "Incident response and CSIRT skills",
  policy: "Policy and cyber diplomacy training",
  secdev: "Secure development and procurement",
  awareness: "Awareness for users and small businesses",
  law: "Cybercrime law, courts and law enforcement",
  research: "Research, data and measurement",
} as const;

const DIVIDE = {
  widening: "Yes, and it is widening",
  narrowing: "Yes, but it is narrowing",
  no: "No",
  unsure: "Not sure",
} as const;

const OPEN_CALL: DemoCall = {
  key: "open",
  referencePrefix: "CYB26",
  slug: "cybersecurity-norms-2026",
  title: "Cybersecurity norms in practice: what works, what fails, who is missing",
  thematicTrack: TRACK,
  timeZone: "Europe/Zurich",
  publishedDaysAgo: 23,
  opensDaysAgo: 21,
  closesInDays: 30,
  introduction: [
    "The Best Practice Forum on Cybersecurity is studying how norms of responsible behaviour in cyberspace " +
      "are made, put into practice and ignored, and who gets a say in that. Norms here means shared " +
      "expectations of how actors should behave: some are agreed between states, others grow out of the " +
      "everyday practice of network operators, incident responders, companies and communities.",
    "We want to hear from everyone who lives with the consequences. **Concrete examples** from your country, " +
      "sector or community help us most, even small ones. Answer as many questions as you like; only those " +
      "marked as required must be filled in. You may answer for yourself, for your organisation, or on behalf " +
      "of a coalition: your profile says which.",
    "Facilitators will read every contribution and draw on them for a draft report, which will be published " +
      "for public comment before the annual meeting. The report lists everyone who contributed.",
  ].join("\n\n"),
  questions: [
    {
      ...LONG,
      required: true,
      prompt: "What norms and values shape cybersecurity in your community?",
      helpText:
        "Written rules and unwritten expectations alike: how incidents are reported, whom people trust, what is off limits.",
    },
    {
      type: "SINGLE_CHOICE",
      required: true,
      prompt: "How familiar is your community with the UN norms of responsible state behaviour in cyberspace?",
      options: Object.values(FAMILIARITY),
    },
    {
      ...LONG,
      required: true,
      prompt: "Which norm has worked well, and what made it work?",
      helpText: "A norm from any source: an agreement between states, an industry commitment, a community practice.",
    },
    { ...LONG, prompt: "Which norm has failed or stalled, and why did it not take hold?" },
    {
      ...LONG,
      prompt: "Who is missing from the norms discussions you follow, and how could they take part?",
      helpText: "Think of stakeholder groups, regions, languages, and the people most affected by insecurity.",
    },
    {
      type: "MULTIPLE_CHOICE",
      maxChoices: 3,
      prompt: "Where would capacity building help your community most?",
      helpText: "Think of the people and organisations that would use the support first.",
      options: Object.values(CAPACITY),
    },
    { ...LONG, prompt: "Is there anything else the Best Practice Forum should consider?" },
  ],
};

const CLOSED_CALL: DemoCall = {
  key: "closed",
  referencePrefix: "CYB25",
  slug: "cybersecurity-culture-2025",
  title: "Building a culture of cybersecurity",
  thematicTrack: TRACK,
  timeZone: "Europe/Zurich",
  publishedDaysAgo: 372,
  opensDaysAgo: 370,
  closesInDays: -300,
  introduction: [
    "Laws and technical standards only go so far: much of what keeps systems safe depends on habits, " +
      "expectations and trust. This year the Best Practice Forum asks what a culture of cybersecurity looks " +
      "like in practice, who builds it, and whether everyone has the same chance to share in it.",
    "Contributions will feed the Forum's annual report. Short answers are welcome.",
  ].join("\n\n"),
  questions: [
    { ...LONG, required: true, prompt: "What does a culture of cybersecurity mean in your organisation or community?" },
    { ...LONG, prompt: "Who promotes good security practice where you work, and how do they go about it?" },
    {
      type: "SINGLE_CHOICE",
      required: true,
      prompt: "In your experience, is there a digital security divide between or within countries?",
      options: Object.values(DIVIDE),
    },
    { ...LONG, prompt: "What would help close that divide?" },
  ],
};

export const DEMO_CALLS: readonly DemoCall[] = [OPEN_CALL, CLOSED_CALL];

// ---------------------------------------------------------------------------------------------------
// People. Helpers keep the list readable.

const who = (
  displayName: string,
  stakeholderGroup: StakeholderGroup,
  region: UnRegion,
  country: string,
  organisation: string | null = null,
  onBehalfOf: string | null = null,
): DemoProfile => ({ displayName, stakeholderGroup, region, country, organisation, onBehalfOf });

const open = (submittedDaysAgo: number, answers: DemoAnswers): DemoResponse => ({
  call: "open",
  status: "SUBMITTED",
  submittedDaysAgo,
  answers,
});
const closed = (submittedDaysAgo: number, answers: DemoAnswers): DemoResponse => ({
  call: "closed",
  status: "SUBMITTED",
  submittedDaysAgo,
  answers,
});
const draft = (answers: DemoAnswers): DemoResponse => ({ call: "open", status: "DRAFT", answers });

// Some respondents publish without their name, a few not at all, as in real consultations.
const CONSENT: Readonly<Record<number, Consent>> = {
  4: "PUBLISH_ANONYMOUS",
  9: "PUBLISH_ANONYMOUS",
  15: "PUBLISH_ANONYMOUS",
  21: "PUBLISH_ANONYMOUS",
  28: "PUBLISH_ANONYMOUS",
  34: "PUBLISH_ANONYMOUS",
  11: "PRIVATE",
  26: "PRIVATE",
  38: "PRIVATE",
};

const respondent = (n: number, profile: DemoProfile, ...responses: DemoResponse[]): DemoPerson => ({
  email: `respondent-${String(n).padStart(2, "0")}@${DEMO_DOMAIN}`,
  role: "STAKEHOLDER",
  profile,
  responses: responses.map((response) => (CONSENT[n] ? { ...response, consent: CONSENT[n] } : response)),
});

const DEMO_STAFF: readonly DemoPerson[] = [
  {
    email: DEMO_ACCOUNTS.stakeholder,
    role: "STAKEHOLDER",
    profile: who("Lina Moreau-Diallo", "CIVIL_SOCIETY", "AFRICA", "SN", "Coastal Digital Rights Network"),
    // A response to last year's call only, so the demo user can answer the open call themself.
    responses: [
      closed(336, {
        1:
          "For us it means that a journalist or an activist who clicks on a bad link calls a colleague at once, " +
          "without shame, and the colleague knows what to do. We build it with small, regular clinics rather " +
          "than long trainings that people forget.",
        2:
          "Mostly civil society organisations and a few committed engineers at local providers. Banks send text " +
          "messages about fraud, which helps, but nobody coordinates the advice.",
        3: [DIVIDE.widening],
        4:
          "Security tools and guides in Wolof and other national languages, and support for community trainers " +
          "outside Dakar.",
      }),
    ],
  },
  {
    email: DEMO_ACCOUNTS.moderator,
    role: "MODERATOR",
    profile: who(
      "Tomás Ferreira-Lund",
      "INTERGOVERNMENTAL",
      "WESTERN_EUROPE_OTHERS",
      "CH",
      "BPF Cybersecurity facilitation team",
    ),
    responses: [],
  },
  {
    email: DEMO_ACCOUNTS.admin,
    role: "ADMIN",
    profile: who("Ines Calder", "TECHNICAL_COMMUNITY", "WESTERN_EUROPE_OTHERS", "CH", "Consultation platform operations"),
    responses: [],
  },
];

const [CS, TC, PS, AC, GOV, IGO] = [
  "CIVIL_SOCIETY",
  "TECHNICAL_COMMUNITY",
  "PRIVATE_SECTOR",
  "ACADEMIA",
  "GOVERNMENT",
  "INTERGOVERNMENTAL",
] as const satisfies readonly StakeholderGroup[];
const [AF, AP, EE, LAC, WEOG] = [
  "AFRICA",
  "ASIA_PACIFIC",
  "EASTERN_EUROPE",
  "LATIN_AMERICA_CARIBBEAN",
  "WESTERN_EUROPE_OTHERS",
] as const satisfies readonly UnRegion[];
const F = FAMILIARITY;
const C = CAPACITY;

// Respondents 01–40 submitted to the open call, 41–43 left drafts there; 01, 13, 17, 22 and 44–48
// answered last year's call. More civil society and technical community than governments and
// intergovernmental organisations, as in real consultations.
const DEMO_RESPONDENTS: readonly DemoPerson[] = [
  // --- Civil society -------------------------------------------------------------------------------
  respondent(
    1,
    who("Achieng Odhiambo", CS, AF, "KE", "East African Digital Rights Hub", "Alliance for Safe Connectivity in East Africa"),
    open(19, {
      1:
        "The strongest norm in our network is that security must never become a reason to switch the internet off. " +
        "Members expect incidents to be handled by technical teams rather than by orders to block platforms, and " +
        "people affected by a breach to be told about it. These expectations are mostly unwritten; they grew out of " +
        "years of organising around elections.",
      2: [F.known],
      3:
        "Coordinated disclosure between researchers and the national CERT has worked better than we expected. When a " +
        "student found a flaw in a county health portal, the CERT acknowledged it within a day, the vendor fixed it, " +
        "and nobody was prosecuted. That one case built more trust than any workshop.",
      4:
        "Commitments to keep networks running during elections have failed again and again in our region. " +
        "Governments sign declarations, then order shutdowns in the name of security. Without an independent body " +
        "reporting on compliance, breaking the commitment costs nothing.",
      5:
        "Women human rights defenders, people outside capital cities and people who do not work in English are " +
        "almost never in the room. Regional consultations in Swahili and French, with travel support and an online " +
        "option that works on a phone, would change who speaks.",
      6: [C.awareness, C.law, C.csirt],
      7:
        "The Alliance brings together eleven organisations in four countries; this response reflects a discussion " +
        "among all of them.",
    }),
    closed(340, {
      1:
        "A culture of cybersecurity means people feel able to report a compromised account without being blamed. " +
        "It is built by training that starts from people's real fears, not from technical jargon.",
      3: [DIVIDE.widening],
      4:
        "Long-term funding for community trainers outside the capitals, and security tools translated into local " + "languages.",
    }),
  ),
  respondent(
    2,
    who("Farida Sesay", CS, AF, "SL", "Freetown Open Web Collective"),
    open(17, {
      1:
        "Most people we work with meet cybersecurity as mobile money fraud and SIM-swap scams, not as a question " +
        "between states. The values we hear are practical: never share your PIN, warn your neighbours, report the " +
        "numbers that cheat people. For us, norms start with protecting ordinary users.",
      2: [F.heard],
      3:
        "Mobile operators agreeing on a shared list of numbers used for fraud worked, because every operator was " +
        "losing money to the same gangs. It was voluntary, cheap and visible to customers.",
      5:
        "Market traders, older people and people with low literacy are the ones targeted, and they are never " +
        "consulted. Radio call-in programmes reach them far better than online forms.",
      6: [C.awareness, C.law],
    }),
  ),
  respondent(
    3,
    who("Lerato Mokoena", CS, AF, "ZA", "Digital Dignity Project"),
    open(15, {
      1:
        "We see cybersecurity through a human rights lens. Encryption, anonymity and privacy are security values, " +
        "not obstacles to security. A good norm protects the most exposed users first, such as journalists and " +
        "activists.",
      2: [F.daily],
      3:
        "The norm that states should not harm the systems of incident response teams is sound, and we have seen " +
        "regional CSIRTs cite it when resisting pressure to hand over data. It works because it protects something " +
        "every side depends on.",
      4:
        "Cybercrime laws passed in the name of security have been used in several countries to prosecute bloggers for " +
        "spreading 'false information'. The idea of protecting critical infrastructure was stretched to cover speech. " +
        "Norms fail when their wording is vague enough to mean anything.",
      5:
        "Civil society is invited to comment at the very end, when texts are nearly final. We need to be in the " +
        "drafting groups, and funding for our participation should not come only from the governments whose " +
        "conduct we scrutinise.",
      6: [C.law, C.research],
      7: "Please keep the security of infrastructure and the regulation of content clearly apart in the final report.",
    }),
  ),
  respondent(
    4,
    who("Rohan Bhattarai", CS, AP, "NP"),
    open(14, {
      1:
        "I volunteer with a small group of young people who teach digital safety in schools. Our values are simple: " +
        "share what you know, never shame a victim, and report problems instead of hiding them.",
      2: [F.unknown],
      3:
        "Two-step login spread among students once a few teachers made it a habit and explained why. Peer example " +
        "worked where official circulars did not.",
      5:
        "Young people are the largest group online in my country and have almost no voice in policy. Youth IGF " +
        "meetings help, but their recommendations rarely reach the people who decide.",
      6: [C.awareness],
    }),
  ),
  respondent(
    5,
    who("Meher Chaudhry", CS, AP, "PK", "Women's Online Safety Collective"),
    open(13, {
      1:
        "For the women we support, security means being safe from harassment, doxxing and account takeovers, often " +
        "by people they know. Technical norms rarely consider this threat model. Our community values " +
        "confidentiality, decisions led by survivors, and quick help over formal procedure.",
      2: [F.heard],
      3:
        "Platforms that opened a dedicated channel for reports of intimate image abuse now act much faster on our " +
        "cases. It worked because there was a named contact and a clear time frame.",
      4:
        "Referral agreements between helplines and the police largely failed. Officers were not trained, complaints " +
        "were ignored or leaked to families, and women stopped reporting.",
      5:
        "Women, gender-diverse people and survivors of online abuse. Consultations should offer safe ways to " +
        "contribute, including through the organisations that represent them.",
      6: [C.awareness, C.law, C.research],
      7: "We ask the Forum to treat gendered threats as a cybersecurity issue, not only as a content issue.",
    }),
  ),
  respondent(
    6,
    who("Aroha Tane", CS, WEOG, "NZ", "Harbour City Digital Inclusion Trust"),
    open(12, {
      1:
        "Our community values inclusion: security measures should not lock out people with old phones, little data " +
        "or a disability. We push for security that is accessible by default.",
      2: [F.known],
      3:
        "Public services moving to passkeys, with accessible fallbacks, reduced both lockouts and successful " +
        "phishing in the services we follow.",
      4:
        "Complex password rules were a norm that failed: they made people write passwords down and reuse them. It " +
        "took years for official guidance to change.",
      5:
        "Disabled people, and Indigenous communities who have their own views on data and guardianship. They should " +
        "be part of designing measures, not consulted afterwards.",
      6: [C.awareness, C.secdev],
    }),
  ),
  respondent(
    7,
    who("Camila Ferreyra", CS, LAC, "AR", "Red Austral de Derechos Digitales", "Latin American Civil Society Cyber Coalition"),
    open(18, {
      1:
        "In Latin America, civil society has learned to be wary when security is invoked: surveillance tools bought " +
        "to fight crime have been turned on journalists and opponents. The values we defend are legality, necessity, " +
        "proportionality and independent oversight of any intrusive capability.",
      2: [F.daily],
      3:
        "Where governments accepted rules on transparency in the purchase of surveillance technology, journalists " +
        "and courts finally had the documents they needed to challenge abuse.",
      4:
        "The norm against state misuse of commercial spyware has so far failed. Governments endorse it in " +
        "international meetings while their agencies keep buying. Without enforced export controls and remedies for " +
        "victims it is a statement, not a norm.",
      5:
        "Victims of surveillance, Indigenous communities defending their land, and local organisations far from the " +
        "capitals. The coalition asks for translation into Spanish and Portuguese, and for consultation periods long " +
        "enough for networks to consult their members.",
      6: [C.law, C.policy, C.research],
      7: "This contribution was agreed by fourteen member organisations in nine countries.",
    }),
  ),
  respondent(
    8,
    who("Joaquim Albuquerque", CS, LAC, "BR", "Instituto Horizonte Conectado"),
    open(9, {
      1:
        "Our community sees the internet as a shared resource, looked after by many hands. Security is a collective " +
        "responsibility of operators, government and users, which is how internet governance has long worked here.",
      2: [F.known],
      3:
        "Security recommendations from our national multistakeholder internet steering body were followed because " +
        "everyone had a hand in writing them. Routing security improved once the local exchange community promoted " +
        "shared filtering practices.",
      4:
        "Rules on notifying data breaches exist, but many public bodies still do not notify. Fines are rare, so the " +
        "norm is honoured mostly by companies that fear for their reputation.",
      6: [C.csirt, C.policy],
    }),
  ),
  respondent(
    9,
    who("Oksana Hrytsenko", CS, EE, "UA", "Open Resilience Lab"),
    open(8, {
      1:
        "Living through sustained cyberattacks has made resilience a shared value: keep services running, back up, " +
        "move data elsewhere if you must, and help each other. Volunteers, companies and public bodies learned to " +
        "cooperate quickly and without much formality.",
      2: [F.daily],
      3:
        "Fast cooperation between foreign technology companies and national defenders, sharing threat information " +
        "and moving critical data to safety, worked very well. It showed that private actors can be decisive in " +
        "protecting civilians.",
      4:
        "The norm that states should not attack critical infrastructure serving the public has been broken openly, " +
        "without consequence. Norms without accountability lose credibility, and people here now ask what they are " +
        "worth.",
      5:
        "Civilians whose services were hit, and the small volunteer groups who restored them, are rarely asked about " +
        "their experience. Their lessons should be written down before they are lost.",
      6: [C.csirt, C.research],
      7: "We support work on accountability mechanisms that can also use evidence gathered by non-state actors.",
    }),
  ),
  respondent(
    10,
    who("Sofie Lindqvist", CS, WEOG, "SE", "Nordic Privacy Forum"),
    open(7, {
      1:
        "Privacy and security reinforce each other; that is close to a consensus in our network. We also expect " +
        "public institutions to be open about incidents and about the tools they use.",
      2: [F.known],
      3:
        "End-to-end encryption becoming the default in consumer messaging was a norm set by industry practice. It " +
        "raised protection for millions of people without any new law.",
      4:
        "Repeated proposals to scan private messages before they are encrypted show how fragile the norm of strong " +
        "encryption is. Each time it returns under a new name, and civil society spends its limited resources " +
        "fighting it again.",
      6: [C.policy],
    }),
  ),
  respondent(
    11,
    who("Dalia Mansour", CS, AP, "JO", "Levant Digital Safety Initiative"),
    open(6, {
      1:
        "Our community values discretion and trust: people share incidents only with those they know personally. " +
        "Formal reporting is weak as a result, but informal networks of help are strong.",
      2: [F.heard],
      3:
        "A digital security helpline answering in Arabic, run by a network of organisations, has been effective " +
        "because it replies within hours and in the user's own language.",
      4:
        "Voluntary commitments by surveillance vendors to respect human rights have failed. Abuses in the region " +
        "continue and the companies face no consequence.",
      5:
        "Arabic speakers in general: most documents and meetings are in English only. Interpretation and translated " +
        "summaries would bring in many more voices.",
      6: [C.awareness, C.csirt],
    }),
  ),
  respondent(
    12,
    who("Marcus Whitfield", CS, WEOG, "US"),
    open(3, {
      1:
        "I am answering as an individual who has followed these processes for years. In my experience norms are " +
        "negotiated mostly among governments and large companies, and the rest of us hear about them afterwards.",
      2: [F.known],
      3:
        "Vulnerability disclosure programmes that protect good-faith researchers from legal action are a clear " +
        "success. They turned an adversarial relationship into a cooperative one.",
      4:
        "Norms asking states to disclose vulnerabilities rather than stockpile them have had little visible effect. " +
        "The decisions are secret, so nobody outside can tell whether the norm is followed.",
      5:
        "Ordinary users. A short survey in plain language, alongside long calls like this one, would reach people " +
        "who will never write a page of text.",
      7: "Thank you for keeping this call open to individuals and not only to organisations.",
    }),
  ),

  // --- Technical community ---------------------------------------------------------------------------
  respondent(
    13,
    who("Kwabena Asante", TC, AF, "GH", "Gulf of Guinea Network Operators Forum"),
    open(20, {
      1:
        "Network operators here share an ethic of mutual help: if your network leaks bad routes or is used in an " +
        "attack, a peer will call you, and you are expected to act. Standing among peers matters more than " +
        "regulation.",
      2: [F.heard],
      3:
        "Route origin validation spread quickly once operators agreed to drop invalid routes at the exchange " +
        "points. When the largest networks committed, smaller ones followed, because the cost of staying behind " +
        "became visible.",
      4:
        "Filtering spoofed traffic has been recommended for twenty years and is still patchy. It protects others " +
        "rather than yourself, so there is little local incentive to deploy it.",
      5:
        "Small and rural operators cannot afford to attend meetings abroad. Sessions held alongside existing " +
        "regional operator meetings would reach them.",
      6: [C.csirt, C.secdev],
      7: "The IGF should listen more to operator communities: many norms already live there in practice.",
    }),
    closed(330, {
      1: "Operators who talk to each other before there is a problem, not only during one.",
      2:
        "The operators' forum, through its meetings and its mailing list. Good practice travels from engineer to " +
        "engineer far faster than through official channels.",
      3: [DIVIDE.narrowing],
    }),
  ),
  respondent(
    14,
    who("Nguyen Thi Lan", TC, AP, "VN", "Mekong CERT Collaboration"),
    open(16, {
      1:
        "Among incident responders the core values are confidentiality, speed and trust built person to person. " +
        "Information is shared under agreed rules about how far it may travel, and breaking that trust ends the " +
        "cooperation.",
      2: [F.daily],
      3:
        "Labelling shared information with the Traffic Light Protocol works across languages and legal systems. It " +
        "is simple, everyone understands it, and it lets teams share sensitive data without a treaty.",
      4:
        "Cross-border requests for log data often fail: legal channels are slow and teams are unsure what they may " +
        "share. Norms encouraging cooperation exist, but the legal basis for it does not.",
      5:
        "Teams from smaller economies in the region, whose national CERT may have two or three staff. They cannot " +
        "join every working group, so their experience is missing.",
      6: [C.csirt, C.law, C.research],
    }),
  ),
  respondent(
    15,
    who(
      "Mere Naivalu",
      TC,
      AP,
      "FJ",
      "South Pacific Islands Internet Exchange",
      "Five small-island internet service providers (joint statement)",
    ),
    open(11, {
      1:
        "For small islands the first value is continuity: one submarine cable and a handful of engineers. Security " +
        "means redundancy, spare parts and people who can be reached at night.",
      2: [F.heard],
      3:
        "The mutual aid that island operators give each other after cyclones carried over to cyber incidents: " +
        "engineers lend time and tools without contracts.",
      4:
        "Global norms assume every country has a national CERT and a legal framework for cooperation. Many small " +
        "island states have neither, so the norms have nowhere to land.",
      5:
        "Small island developing states are nearly always missing, because of cost and time zones. A meeting on a " +
        "Geneva morning is the middle of the night for us.",
      6: [C.csirt, C.policy],
      7: "Please consider Pacific time zones when you schedule the online sessions of this Forum.",
    }),
  ),
  respondent(
    16,
    who("Lucía Quispe", TC, LAC, "PE", "Andean Open Networks Institute"),
    open(10, {
      1:
        "Our community values open standards, interoperability and decisions made from the bottom up. Security " +
        "practices that come out of the technical community are trusted more than those imposed by one government " +
        "or one vendor.",
      2: [F.known],
      3:
        "Signing the country code domain with DNSSEC, led by the registry with training for local registrars, shows " +
        "how a technical norm spreads when someone takes responsibility for teaching it.",
      5:
        "Local internet providers in the highlands and community networks. They run real infrastructure and carry " +
        "real risk, yet are rarely seen as stakeholders.",
      6: [C.secdev, C.csirt],
    }),
  ),
  respondent(
    17,
    who("Henrik Vos", TC, WEOG, "NL", "Lowlands Internet Exchange Association"),
    open(5, {
      1:
        "Our members value operational neutrality: the exchange moves packets and does not judge them. The security " +
        "norms we accept are the ones that keep routing and the name system working for everyone.",
      2: [F.known],
      3:
        "The norm of protecting the public core of the internet is useful because it names something concrete that " +
        "nobody should attack. It gives operators words to push back on proposals that would interfere with core " +
        "protocols.",
      4:
        "Some national laws now oblige exchange points to filter or block traffic. Well-meant norms about cybercrime " +
        "have turned into duties for infrastructure that cannot judge what it carries.",
      6: [C.research],
      7: "A section of the report on measurement would be welcome: some norms can be tracked through routing and DNS " + "data.",
    }),
    closed(322, {
      1:
        "Culture is what engineers do when nobody is checking: configuring systems safely by default and fixing " +
        "them without being asked.",
      3: [DIVIDE.unsure],
      4: "Shared measurement. Without common data we cannot even say whether the divide is growing.",
    }),
  ),
  respondent(
    18,
    who("Nino Kapanadze", TC, EE, "GE", "Caucasus Incident Responders Network"),
    open(4, {
      1:
        "Our teams hold that incident response must stay apolitical. We help any victim, whoever the attacker is, " +
        "and we take no part in offensive operations.",
      2: [F.daily],
      3:
        "Regular cross-border exercises built relationships that work in real incidents. When we know the person on " +
        "the other side, we solve in hours what takes weeks through formal channels.",
      4:
        "Cooperation during incidents breaks down when geopolitics intervenes. Some teams stopped answering requests " +
        "from neighbours for reasons that had nothing to do with the technical work.",
      5: "Smaller private companies in the region that hold critical data but have no security staff at all.",
      6: [C.csirt, C.secdev],
    }),
  ),
  respondent(
    19,
    who("Aisha Bello", TC, AF, "NG"),
    open(2, {
      1:
        "I am an independent security researcher. Finding and reporting bugs responsibly is respected in our " +
        "community, but many of us fear legal trouble when we report to local organisations.",
      2: [F.heard],
      3: "Bug bounty programmes run by fintech companies work: they pay fairly and reply quickly.",
      4:
        "Reporting to government websites has mostly failed. Emails bounce, nobody replies, or the researcher is " +
        "threatened under the cybercrime law. After one such experience most people stop reporting.",
      5:
        "Independent researchers and students. A national disclosure policy with legal protection for good-faith " +
        "research would let us take part without fear.",
      6: [C.law, C.secdev],
    }),
  ),
  respondent(
    20,
    who("Samira El Idrissi", TC, AF, "MA", "Maghreb DNS Operators Circle"),
    open(1.2, {
      1:
        "Reliability and shared responsibility for the name system. Registries and registrars expect each other to " +
        "act quickly on abuse reports while still protecting the data of domain holders.",
      2: [F.known],
      3:
        "Registry locks for critical domains, such as those of banks and ministries, stopped several hijacking " +
        "attempts. The practice spread among registries in the region by example rather than by rule.",
      6: [C.csirt, C.awareness],
      7: "Training material in Arabic and French would help smaller registrars adopt good practice.",
    }),
  ),
  respondent(
    21,
    who("Graham Pettigrew", TC, WEOG, "CA", "Open Standards Security Working Group"),
    open(0.5, {
      1:
        "We trust a practice once it is documented openly, implemented by several parties and shown to work. " +
        "Security improvements must not break interoperability.",
      2: [F.known],
      3:
        "Encrypting web traffic by default, pushed through standards and browser policies, is probably the most " +
        "successful security norm of the past decade. It worked because certificates became free and automatic.",
      4:
        "Email authentication standards have existed for many years, yet adoption among smaller domains stayed low " +
        "until large mailbox providers began to enforce them. Norms without an actor who enforces them spread " +
        "slowly.",
      5:
        "Implementers from developing countries are under-represented in standards bodies. Remote participation " +
        "exists, but fee waivers and mentoring would do more.",
      6: [C.secdev, C.research],
    }),
  ),

  // --- Private sector --------------------------------------------------------------------------------
  respondent(
    22,
    who("Priya Raghunathan", PS, AP, "IN", "Kestrel Cloud Services"),
    open(19.5, {
      1:
        "As a cloud provider, our norms come from customer trust: we notify customers of incidents quickly, patch " +
        "without charging extra, and push back on requests for data that lack a legal basis.",
      2: [F.known],
      3:
        "The industry commitment to protect all customers regardless of who the attacker is has held up well. It " +
        "keeps companies from becoming instruments of any state's operations.",
      4:
        "Short incident reporting deadlines set by several regulators, each with its own format, have not improved " +
        "security. Our team spends the first hours of an incident filling in forms. Harmonised reporting would help " +
        "more than stricter deadlines.",
      5: "Small and medium enterprises, which are most of our customers and most of the victims.",
      6: [C.awareness, C.secdev],
    }),
    closed(350, {
      1:
        "Security is everyone's job, not the security team's. Engineers own the security of what they build, and " +
        "incidents are reviewed without blame.",
      2:
        "Internal champions in each product team, supported by a small central team that writes guidance and " +
        "reviews designs.",
      3: [DIVIDE.widening],
      4: "Affordable managed security for small businesses, and free training for developers in regional languages.",
    }),
  ),
  respondent(
    23,
    who("Jonas Brenner", PS, WEOG, "DE", "Fernwald Industrial Systems", "Secure Supply Chain Industry Group"),
    open(16.5, {
      1:
        "In industrial manufacturing safety culture comes first, and security is now seen as part of it. Our " +
        "members expect suppliers to document the software in their products and to support them for a stated " +
        "period.",
      2: [F.known],
      3:
        "Security requirements written into procurement contracts by large buyers changed supplier behaviour faster " +
        "than regulation did. When one big customer asks, the whole chain adapts.",
      4:
        "Voluntary security labels for connected devices have had little effect, because buyers do not look at " +
        "them. We think binding minimum requirements that apply equally to every market player are fairer than " +
        "voluntary schemes.",
      5:
        "Medium-sized manufacturers, who supply critical components but are absent from policy discussions. Industry " +
        "associations ought to be their channel, but the largest firms tend to dominate them.",
      6: [C.secdev, C.policy],
      7: "The Group represents 23 manufacturers and integrators in six countries.",
    }),
  ),
  respondent(
    24,
    who("Ana Luísa Castro", PS, LAC, "CL", "Pacífico Telecom"),
    open(12.5, {
      1:
        "Telecom operators here treat security as part of the duty to keep service running. We value cooperation " +
        "with competitors during incidents: rivalry stops when the network is under attack.",
      2: [F.heard],
      3:
        "An information-sharing group of operators hosted by the national CSIRT works because it meets regularly " +
        "and shares indicators almost in real time.",
      4:
        "Obligations to retain large amounts of user data for law enforcement create security risks of their own. " +
        "Those databases become targets.",
      6: [C.csirt],
    }),
  ),
  respondent(
    25,
    who("Emeka Nwachukwu", PS, AF, "NG", "Lagoon Mobile Money"),
    open(9.5, {
      1:
        "For a payments company, trust is the product. Our norms are about protecting customers' funds, sharing fraud " +
        "intelligence with competitors, and telling customers plainly what we will never ask them for.",
      2: [F.unknown],
      3:
        "The banking sector's shared fraud desk, where institutions flag mule accounts within the hour, has " +
        "noticeably reduced losses. It works because the central bank backs it and every member gains.",
      4:
        "Compulsory SIM registration was meant to cut fraud, but stolen identities are sold openly. A rule that adds " +
        "paperwork without real verification only moves the problem.",
      5: "The agents who run mobile money kiosks in villages see fraud first and are never asked.",
      6: [C.awareness, C.law],
      7: "Frankly, UN-level norms mean little to businesses like ours; practical cooperation within the sector does.",
    }),
  ),
  respondent(
    26,
    who("Haruto Sakamoto", PS, AP, "JP", "Ginkgo Semiconductor Security Lab"),
    open(7.5, {
      1:
        "Engineering discipline: security is designed in from the start, tested and documented. We value long " +
        "product support and honest communication about weaknesses.",
      2: [F.known],
      3:
        "Coordinated disclosure of processor flaws across hardware vendors was hard but worked in the end: many " +
        "companies kept the details under embargo and released fixes together.",
      4:
        "Embargoes have also failed, when too many parties were told and details leaked early, leaving smaller " +
        "vendors without fixes. Who is told, and when, needs clearer norms.",
      6: [C.secdev, C.research],
    }),
  ),
  respondent(
    27,
    who("Claire Dubois-Martin", PS, WEOG, "FR", "Azur Hosting"),
    open(6.5, {
      1:
        "Hosting providers value quick responses to abuse reports, but also due process: we act on evidence, not on " +
        "any email that claims to come from an authority.",
      2: [F.known],
      3:
        "Working with trusted reporters has cut the time that botnet control servers stay online on our platform " +
        "from days to hours.",
      5:
        "Smaller hosting companies, who cannot send staff to policy meetings. Their abuse handling is often better " +
        "than that of the big providers.",
      6: [C.awareness],
    }),
  ),
  respondent(
    28,
    who("Radu Ionescu", PS, EE, "RO", "Carpathia Software"),
    open(2.5, {
      1:
        "As software exporters we live on reputation; clients abroad expect secure development practices and " +
        "independent audits.",
      2: [F.heard],
      3:
        "Secure coding courses run jointly by universities and companies have produced graduates who write safer " +
        "code. It is slow, but it lasts.",
      4:
        "Certification schemes that cost more than a small company earns in a month have not reached small firms. " +
        "A good norm priced out of reach becomes a barrier to trade.",
      6: [C.secdev],
    }),
  ),

  // --- Academia --------------------------------------------------------------------------------------
  respondent(
    29,
    who("Thandiwe Ngcobo", AC, AF, "ZA", "Highveld Institute for Cyber Policy"),
    open(18.5, {
      1:
        "In academic cyber policy we value evidence and openness. Much of the norms debate rests on anecdotes; we " +
        "try to ground it in data on incidents, laws and practice across the continent.",
      2: [F.daily],
      3:
        "The regional cybersecurity convention, ratified by more states in recent years, shows that norms can be " +
        "owned regionally rather than imported. Ratification is not implementation, but it gives national laws a " +
        "common basis.",
      4:
        "Many national cyber strategies were copied from templates written by outside consultants and never " +
        "implemented. They had no budget and no local ownership.",
      5:
        "African researchers are cited by their partners in the North but rarely invited to speak. Funders should " +
        "require research about a region to be led by, or done with, researchers from that region.",
      6: [C.research, C.policy],
      7: "We would gladly share our dataset of national cybercrime laws with the Forum.",
    }),
  ),
  respondent(
    30,
    who("Mariana Gutiérrez Soto", AC, LAC, "MX"),
    open(15.5, {
      1:
        "I study how municipalities handle cybersecurity. Local governments hold sensitive data about residents but " +
        "treat security as an IT task rather than a question of governance.",
      2: [F.heard],
      3:
        "Shared security services that a state government offers its smaller municipalities worked better than " +
        "asking each town to hire its own specialist.",
      4:
        "Several municipal systems were hit by ransomware after a policy of never paying was announced without any " +
        "help with recovery. Without backups and support, the policy was ignored in practice.",
      5:
        "Local governments, and the residents whose data they hold. International norms discussions stop at the " +
        "national level.",
    }),
  ),
  respondent(
    31,
    who("Tan Wei Ling", AC, AP, "MY", "Straits Centre for Technology and Society"),
    open(11.5, {
      1:
        "We study norms as social facts: they exist when actors expect each other to follow them. In South-East " +
        "Asia the preference is for consultation and consensus, and for political commitments rather than legal " +
        "obligations.",
      2: [F.known],
      3:
        "Regional endorsement of the UN norms as a shared reference has given officials a common vocabulary, even " +
        "where practice differs. That is a modest but real achievement.",
      4:
        "Confidence-building measures such as lists of points of contact exist, but the contacts change and are " +
        "rarely tested. A directory nobody calls is not a norm in action.",
      5:
        "Members of parliament and judges, who write and apply the laws that put norms into effect, are seldom part " +
        "of norms discussions.",
      6: [C.policy, C.law, C.research],
    }),
  ),
  respondent(
    32,
    who("Katarzyna Nowicka", AC, EE, "PL", "Vistula School of Law and Technology"),
    open(8.5, {
      1:
        "In our view non-binding norms matter only when law and institutions stand behind them. The values we teach " +
        "are legal certainty, accountability and respect for fundamental rights.",
      2: [F.daily],
      3:
        "The regional framework for cooperation on electronic evidence has worked among its parties: requests are " +
        "standardised and trusted.",
      4:
        "The hope that voluntary norms would restrain states in cyberspace has not been met. More attention should " +
        "go to how existing international law, including state responsibility, applies.",
      6: [C.law, C.policy],
      7:
        "Students are an untapped resource: university clinics could help small organisations and collect data for " +
        "the Forum at the same time.",
    }),
  ),
  respondent(
    33,
    who("Oliver Brennan", AC, WEOG, "IE", "Atlantic Institute for Digital Governance"),
    open(4.5, {
      1:
        "Researchers in our field value independence. We work with industry and government, but must not be " +
        "captured by either.",
      2: [F.daily],
      3:
        "The norm that states should respond to requests for help from states whose critical infrastructure is " +
        "attacked has seen real practice, especially when ransomware hit hospitals.",
      4:
        "Attempts to agree norms on information operations stalled because states disagree on whether content is a " +
        "security matter at all. The Forum could help by keeping the two debates distinct.",
      5:
        "Social scientists and historians. Cybersecurity is treated as a technical field, but norms are social, and " +
        "other disciplines have long studied how they form.",
    }),
  ),
  respondent(
    34,
    who("Andre Baptiste", AC, LAC, "TT", "Caribbean Centre for Digital Resilience Studies"),
    open(1.5, {
      1:
        "In the Caribbean, resilience is a familiar word from disaster management, and we now apply it to cyber " +
        "risk. Small states rely on regional cooperation because none has enough specialists on its own.",
      2: [F.heard],
      3:
        "Pooling incident response experts across several islands worked better than each state building a team " +
        "from scratch.",
      5:
        "Caribbean states are often folded into Latin America, but the English- and Dutch-speaking islands have " +
        "different legal systems and needs. We should be consulted in our own right.",
      6: [C.csirt, C.policy],
    }),
  ),

  // --- Government ------------------------------------------------------------------------------------
  respondent(
    35,
    who("Jean-Baptiste Nkurunziza", GOV, AF, "RW", "National Cyber Security Coordination Office"),
    open(14.5, {
      1:
        "Our government sees cybersecurity as a condition for a digital economy and for national stability. We value " +
        "partnership with the private sector, protection of citizens' data and clear national responsibility for " +
        "critical networks.",
      2: [F.daily],
      3:
        "A national point of contact for incidents, reachable at any hour, has made cooperation with neighbouring " +
        "countries much faster. A small measure turned a norm on paper into practice.",
      4:
        "Larger states often promise assistance and capacity building, but deliver short projects that end when the " +
        "funding stops.",
      5:
        "Smaller states, whose delegations are too small to follow every process. Fewer, better-connected processes " +
        "would let them take part meaningfully.",
      6: [C.policy, C.csirt, C.law],
      7: "The IGF is a valuable place to hear non-governmental views before positions are taken at the United Nations.",
    }),
  ),
  respondent(
    36,
    who("Maya Fonseca", GOV, LAC, "CR", "Ministry of Science and Digital Affairs"),
    open(10.5, {
      1:
        "After a serious ransomware attack on public services, our priorities shifted from compliance to recovery " +
        "and continuity. Every institution is now expected to have tested backups and a response plan.",
      2: [F.known],
      3:
        "Help from partner states and companies during the attack showed that the norm of assisting a state under " +
        "attack can work quickly when relationships already exist.",
      4:
        "Our own earlier policy failed: security was left to each institution without budget or oversight, and many " +
        "had no staff for it. Norms inside government need resources behind them.",
      6: [C.csirt, C.awareness],
    }),
  ),
  respondent(
    37,
    who("Eva Tamm", GOV, EE, "EE", "Department of Cyber Diplomacy"),
    open(5.5, {
      1:
        "We value an open, free and secure cyberspace in which international law applies. We support the framework " +
        "of responsible state behaviour and its implementation through national practice.",
      2: [F.daily],
      3:
        "Public attribution of malicious activity, coordinated among several states, has helped establish that some " +
        "behaviour is unacceptable. It raises the cost of violations even when no sanctions follow.",
      4:
        "Norms are weakened when states endorse them and then act against them. Reporting on implementation remains " +
        "voluntary and uneven.",
      5:
        "Non-governmental stakeholders still lack stable access to the UN processes. We support arrangements that " +
        "let them attend and speak.",
      6: [C.policy],
    }),
  ),
  respondent(
    38,
    who("Siosaia Fifita", GOV, AP, "TO", "Office of the Government Chief Information Officer"),
    open(3.5, {
      1:
        "Our government values community and consensus. Security measures must fit a small public service in which " +
        "the same few people run the network, the website and the email.",
      2: [F.heard],
      3:
        "A regional arrangement for sharing alerts among Pacific governments gives us early warnings we could not " +
        "produce ourselves.",
      5: "Pacific island governments themselves are often absent because of cost and distance.",
      6: [C.csirt, C.policy, C.awareness],
      7: "Online participation has to work on low bandwidth; heavy video platforms shut us out.",
    }),
  ),

  // --- Intergovernmental organisations ---------------------------------------------------------------
  respondent(
    39,
    who("Hélène Mbarga", IGO, WEOG, "CH", "Inter-Regional Cyber Capacity Centre"),
    open(13.5, {
      1:
        "Our member states share a commitment to capacity building that is driven by demand, sustainable and " +
        "respectful of human rights. We measure success by what partners can do without us once a project ends.",
      2: [F.daily],
      3:
        "Programmes that pair established CSIRTs with new teams for several years have produced lasting teams, far " +
        "more than one-off courses did.",
      4:
        "Donor coordination often fails: several organisations train the same officials on the same topics while " +
        "other needs go unmet.",
      5:
        "The beneficiaries themselves are rarely consulted when programmes are designed. Needs assessments should be " +
        "led by the receiving countries.",
      6: [C.csirt, C.policy, C.research],
      7: "A shared map of capacity building projects by region would help everyone avoid duplication.",
    }),
  ),
  respondent(
    40,
    who("Abebe Tadesse", IGO, AF, "ET", "Continental Digital Policy Secretariat"),
    open(0.8, {
      1:
        "We promote harmonised policy among member states, so that an incident in one country can be handled with " +
        "the same concepts and procedures in another.",
      2: [F.known],
      3: "Model laws adopted by several member states shortened drafting time and made cross-border cooperation " + "easier.",
      4:
        "Harmonisation failed where model texts were adopted without local adaptation: some provisions clash with " +
        "national constitutions and are not applied.",
      6: [C.law, C.policy],
    }),
  ),

  // --- Drafts on the open call -----------------------------------------------------------------------
  respondent(
    41,
    who("Tanvir Hossain", CS, AP, "BD", "Delta Digital Literacy Foundation"),
    draft({
      1:
        "In the villages where we work, security is mostly about protecting mobile wallets and Facebook accounts. " +
        "People trust the shopkeeper who tops up their phone more than any official advice.",
    }),
  ),
  respondent(
    42,
    who("Rebecca Thornton", PS, WEOG, "GB", "Northgate Security Advisory"),
    draft({
      1: "Our clients are mid-sized firms that want to do the right thing but cannot tell which framework to follow.",
      2: [F.known],
    }),
  ),
  respondent(
    43,
    who("Sipho Ndlovu", TC, AF, "ZW", "Zambezi Network Engineers Group"),
    draft({
      1: "Engineers help each other across borders, mostly through messaging groups.",
      3: "Peering agreements that include a contact for security incidents.",
    }),
  ),

  // --- Last year's call only -------------------------------------------------------------------------
  respondent(
    44,
    who("Gulnara Akhmetova", AC, AP, "KZ", "Steppe Institute for Information Security"),
    closed(345, {
      1:
        "A culture of cybersecurity is present when people understand why a rule exists, not only what it says. In " +
        "our surveys, employees who understood the reasons were far less likely to fall for phishing.",
      2: "Universities and a few large employers. Schools hardly touch the topic.",
      3: [DIVIDE.widening],
      4: "Cybersecurity in school curricula, and research grants open to universities outside the capital.",
    }),
  ),
  respondent(
    45,
    who("Mateo Rivas", GOV, LAC, "UY", "National Agency for Digital Government"),
    closed(315, {
      1:
        "For a public administration it means that every agency treats information security as part of its service " +
        "to citizens, with a named person responsible and regular exercises.",
      2: "The national CERT, through guidance, exercises and a network of security officers in each agency.",
      3: [DIVIDE.narrowing],
      4: "Regional cooperation among government CERTs, and sharing of tools that small countries cannot build alone.",
    }),
  ),
  respondent(
    46,
    who("Ilse Vermeulen", PS, WEOG, "BE", "Brabant Secure Payments"),
    closed(310, {
      1:
        "Security is part of product quality. We measure it, report it to the board, and reward teams that find " +
        "problems early.",
      3: [DIVIDE.no],
    }),
  ),
  respondent(
    47,
    who("Dragan Petrović", TC, EE, "RS", "Balkan Network Operators Community"),
    closed(305, {
      1: "Sharing knowledge openly, admitting mistakes at community meetings, and fixing things before being asked.",
      2: "Community meetings and a few engineers who volunteer to teach; vendors much less.",
      3: [DIVIDE.unsure],
    }),
  ),
  respondent(
    48,
    who("Adaeze Okoro", CS, AF, "NG", "Lagos Civic Tech Hub"),
    closed(302, {
      1:
        "People check before they forward, protect their accounts, and look out for each other online. It must reach " +
        "beyond the tech crowd to traders, students and parents.",
      2: "Civic tech groups, some radio presenters, and banks in their fraud warnings.",
      3: [DIVIDE.widening],
      4: "Cheap data, devices that still receive updates, and advice in Pidgin, Yoruba, Hausa and Igbo.",
    }),
  ),
];

/** Everyone the seed creates: the three demo accounts and the respondents. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [...DEMO_STAFF, ...DEMO_RESPONDENTS];
