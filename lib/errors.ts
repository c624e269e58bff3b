// Typed errors that domain functions throw; server actions turn them into `{ ok: false, message }`.
// A message is a key of the "Errors" catalog namespace, translated by runAction (lib/actions.ts).
export type ErrorKind = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "closed" | "invalid" | "rate_limited";

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly fieldErrors?: Record<string, string[] | undefined>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const Unauthenticated = (message = "unauthenticated") => new DomainError("unauthenticated", message);
export const Forbidden = (message = "forbidden") => new DomainError("forbidden", message);
export const NotFound = (message = "notFound") => new DomainError("not_found", message);
export const Conflict = (message: string) => new DomainError("conflict", message);
export const Closed = (message = "closed") => new DomainError("closed", message);
export const Invalid = (message: string, fieldErrors?: Record<string, string[] | undefined>) =>
  new DomainError("invalid", message, fieldErrors);

/** Past a limit (lib/limits): try again in `retryAfterSeconds`. Its message is the "Errors.rateLimited" key. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", "rateLimited");
    this.name = "RateLimitedError";
  }
}

export const RateLimited = (retryAfterSeconds: number) => new RateLimitedError(retryAfterSeconds);

function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Prisma P2025: the record to update or delete does not exist. */
export function isRecordNotFound(error: unknown) {
  return prismaCode(error) === "P2025";
}

/** Prisma P2002: a unique constraint would be violated. */
export function isUniqueViolation(error: unknown) {
  return prismaCode(error) === "P2002";
}
