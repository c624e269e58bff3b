// What a submission files besides the answers: the identity (stakeholder group, region, country,
// organisation, on behalf of) and, for a response published without the author's name, what happens to its
// files. Both are explicit choices: an edit after a profile change asks which identity to file under
// instead of re-stamping the response silently, and anonymous files are published only once the author
// confirmed their text does not name them (or kept private).
import "server-only";
import { Invalid } from "@/lib/errors";
import type { Consent, StakeholderGroup, UnRegion } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/db";
import type { AnonymousFilesChoice, IdentityChoice } from "./schemas";

export type Identity = {
  stakeholderGroup: StakeholderGroup | null;
  region: UnRegion | null;
  country: string | null;
  organisation: string | null;
  onBehalfOf: string | null;
};

export const identitySelect = {
  stakeholderGroup: true,
  region: true,
  country: true,
  organisation: true,
  onBehalfOf: true,
} as const;

const FIELDS = Object.keys(identitySelect) as (keyof Identity)[];

export function sameIdentity(a: Identity, b: Identity) {
  return FIELDS.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * The identity to file a submission under. A first submission takes the profile. An edit of a submitted
 * response whose filed identity differs from the profile now needs the author's choice ("asFiled" or
 * "profile"); without one it is refused with a field error, never re-stamped silently.
 */
export function identityToFile(filed: Identity | null, profile: Identity, choice: IdentityChoice | undefined): Identity {
  if (!filed || sameIdentity(filed, profile)) return profile;
  if (choice === "asFiled") return filed;
  if (choice === "profile") return profile;
  throw Invalid("invalid", { identity: ["chooseIdentity"] });
}

/**
 * `attachmentsPrivate` for the submission: for an anonymous response with files, the author's answer is
 * required (true: keep private; false: publish the copies without document properties); otherwise null.
 */
export async function attachmentsPrivacy(
  tx: DbClient,
  responseId: string,
  consent: Consent,
  choice: AnonymousFilesChoice | undefined,
): Promise<boolean | null> {
  if (consent !== "PUBLISH_ANONYMOUS") return null;
  if ((await tx.attachment.count({ where: { responseId } })) === 0) return null;
  if (!choice) throw Invalid("invalid", { anonymousFiles: ["chooseAnonymousFiles"] });
  return choice === "keepPrivate";
}
