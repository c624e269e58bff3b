// The open demo call's glossary: the key terms a contributor meets in its questions, shown on the call page
// and beside the response form. Seed-owned: upserted by (callId, position) on every run, so a second run
// changes nothing and an edited term is reset to this text, like the call's questions.
import { DEMO_CALLS } from "./demo-content";
import type { DbClient } from "@/lib/db";

export const DEMO_GLOSSARY: readonly { term: string; definition: string }[] = [
  {
    term: "CERT / CSIRT",
    definition:
      "A computer emergency response team (or computer security incident response team): the people who " +
      "receive reports of security incidents, help those affected and share warnings.",
  },
  {
    term: "Norms of responsible state behaviour",
    definition:
      "Voluntary commitments agreed at the United Nations on how states act in cyberspace, such as not " +
      "attacking critical infrastructure and helping other states respond to incidents.",
  },
  {
    term: "Capacity building",
    definition:
      "Training, funding and sharing of knowledge that help people and institutions protect systems and " +
      "respond to threats themselves.",
  },
  {
    term: "Internet shutdown",
    definition: "A deliberate disruption of internet access or of some services, for a region or a whole country.",
  },
];

export async function seedDemoGlossary(client: DbClient) {
  const open = DEMO_CALLS.find((call) => call.key === "open")!;
  const call = await client.call.findUnique({ where: { slug: open.slug }, select: { id: true } });
  if (!call) return;
  for (const [index, entry] of DEMO_GLOSSARY.entries()) {
    await client.glossaryTerm.upsert({
      where: { callId_position: { callId: call.id, position: index + 1 } },
      create: { callId: call.id, position: index + 1, ...entry },
      update: entry,
      select: { id: true },
    });
  }
}
