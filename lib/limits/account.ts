// Limits per signed-in account, shared by every app instance (store.ts). Uploads, comments and reports need
// an account (and an account needs a sign-in email, itself limited per address and per client), so the
// account is the key, whatever the client's address. The numbers are far above what a person does by hand.
import "server-only";
import { enforce, type Limit } from "./store";

/** Files uploaded (attachments to responses). */
export const UPLOADS_PER_ACCOUNT: Limit = { name: "uploads-account", points: 30, durationSeconds: 3600 };
/**
 * Comments on message sets, all sets together. Each set also has its own exact limit (20 an hour,
 * COMMENT_LIMITS in lib/comments/schemas.ts), counted from the comments themselves.
 */
export const COMMENTS_PER_ACCOUNT: Limit = { name: "comments-account", points: 60, durationSeconds: 3600 };
/** Reports of responses and comments together. */
export const REPORTS_PER_ACCOUNT: Limit = { name: "reports-account", points: 20, durationSeconds: 3600 };

/** One use of `limit` by the account `accountId`; past it, RateLimited with the wait. */
export async function limitAccount(limit: Limit, accountId: string) {
  await enforce(limit, accountId);
}
