// Factories for version tests: a call with a message set whose working copy has the given headings and
// paragraphs, built through the real editing functions (so positions and audit entries are as in use).
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { addParagraph } from "@/lib/messages/paragraphs";
import { addSection } from "@/lib/messages/sections";
import { createMessageSet } from "@/lib/messages/sets";
import { createCall, uniqueSuffix } from "./factories";

export async function createSetWithParagraphs(
  moderator: SessionUser,
  outline: [heading: string, bodies: string[]][],
  title?: string,
) {
  const call = await createCall(db);
  const set = await createMessageSet(moderator, { callId: call.id, title: title ?? `Versioned messages ${uniqueSuffix()}` });
  const sections = [];
  const paragraphs = [];
  for (const [heading, bodies] of outline) {
    const section = await addSection(moderator, { setId: set.id, heading });
    sections.push(section);
    for (const body of bodies) paragraphs.push(await addParagraph(moderator, { sectionId: section.id, body }));
  }
  return { call, set, sections, paragraphs };
}
