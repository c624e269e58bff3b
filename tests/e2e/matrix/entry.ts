// What the authorization matrix knows of each server action and route handler: who may use it, and how to
// build a fresh situation in which it would succeed for them.
import type { ActorName, Cast } from "./harness";

export type Situation = {
  /** The action's form fields (as the page's form would send them; a file as a Blob). */
  fields: Record<string, string | string[] | Blob>;
  /** The page the form is on; "/" by default. */
  path?: string;
  /**
   * What a refused request must leave as it was; by default the fingerprint of forum A (harness.ts). Give
   * your own for actions on things outside a forum (a profile, an account, the email outbox).
   */
  snapshot?: () => Promise<unknown>;
};

/** `actor`: for whom the situation is built when it is built for one allowed actor; absent when it is built
 *  for the refused ones. */
export type Setup = (context: { forumId: string; cast: Cast; actor?: ActorName }) => Promise<Situation>;

export type ActionEntry = {
  /** Who may do it; every other actor is refused and changes nothing. */
  allowed: readonly ActorName[];
  /** Builds, in forum A (a new forum for every entry), what the action acts on. Called once for the refused
   *  actors and once more for each allowed actor, so each acts on a situation of its own. */
  setup: Setup;
};

export type RouteSituation = {
  /** The request: a path (with its query), and for uploads and deletions the method and body. */
  path: string;
  method?: "GET" | "POST" | "DELETE";
  body?: FormData;
  snapshot?: () => Promise<unknown>;
};

export type RouteEntry = {
  /** What the request does, for the test's name when a file has several (e.g. "GET", "DELETE"). */
  label?: string;
  allowed: readonly ActorName[];
  /** The status an allowed actor gets (200 unless said). */
  okStatus?: number;
  setup: (context: { forumId: string; cast: Cast }) => Promise<RouteSituation>;
};

/** Everyone, signed in or not: public actions and pages. */
export const EVERYONE = [
  "visitor",
  "stakeholder",
  "otherStakeholder",
  "observer",
  "otherFacilitator",
  "facilitator",
  "admin",
] as const satisfies readonly ActorName[];
/** Anyone signed in. */
export const SIGNED_IN = EVERYONE.filter((actor) => actor !== "visitor");
/** The forum's facilitators and the administrators: every write in a forum. */
export const FORUM_WRITERS = ["facilitator", "admin"] as const satisfies readonly ActorName[];
/** Everyone with a part in the forum: reads. */
export const FORUM_READERS = ["observer", "facilitator", "admin"] as const satisfies readonly ActorName[];
/** The stakeholder whose own thing it is. */
export const OWNER = ["stakeholder"] as const satisfies readonly ActorName[];
/** Platform administrators only. */
export const ADMINS = ["admin"] as const satisfies readonly ActorName[];
