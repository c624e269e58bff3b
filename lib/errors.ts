// The one error type. Domain functions throw an AppError with a code from the "Errors" catalog
// (lib/i18n/messages/<locale>/errors.json) and the code's typed parameters; nothing is encoded in strings.
//   throw Conflict("tooManyComments", { max: 20 });
//   throw Closed("commentsClosed", { time: version.commentClosesAt });
// lib/i18n/errors.ts turns an error into a sentence in the reader's language (the one translator),
// lib/validation/issues.ts turns zod issues into the same { code, params }, and httpStatus() gives route
// handlers their status. Pure: client forms import the types.
import type errorsCatalog from "@/lib/i18n/messages/en/errors.json";

/** Every error code: the keys of the English "Errors" catalog, so a code without a sentence does not compile. */
export type ErrorCode = keyof (typeof errorsCatalog)["Errors"];

/**
 * The parameters of the codes whose sentence has placeholders. A unit test (tests/unit/errors.test.ts) checks
 * that this list and the catalog's placeholders agree, in every language.
 */
export interface ErrorParamMap {
  finalGaps: { paragraphs: number; comments: number };
  csvDuplicateEmail: { line: number };
  csvTooLarge: { max: number };
  csvTooManyRows: { max: number };
  logoTooLarge: { max: number };
  tooLong: { max: number };
  tooShort: { min: number };
  tooLarge: { max: number };
  tooManyChoices: { max: number };
  tooManyOptions: { max: number };
  optionTooLong: { max: number };
  tooManyQuestions: { max: number };
  tooManyTerms: { max: number };
  translationOptionCount: { count: number };
  tagNameTooShort: { min: number };
  reasonTooShort: { min: number };
  tooManyComments: { max: number };
  commentsClosed: { time: Date };
  commentsUpcoming: { time: Date };
  olderThanPublished: { latest: number; n: number };
  ownPeriodOpen: { n: number; until: Date };
  ownPeriodUpcoming: { n: number; opens: Date };
  periodOpen: { n: number; until: Date; next: number };
  periodOpenFinal: { n: number; until: Date; next: number };
  periodUpcoming: { n: number; opens: Date; next: number };
  periodUpcomingFinal: { n: number; opens: Date; next: number };
  rateLimited: { wait: number; unit: "seconds" | "minutes" };
  tooManySignInLinks: { minutes: number };
  fileTooLarge: { maxMegabytes: number };
  unpackedTooLarge: { maxUnpackedMegabytes: number };
  tooManyParts: { maxEntries: number };
  tooManyFiles: { maxFiles: number };
  editedMeanwhile: { at: Date };
  editedMeanwhileBy: { by: string; at: Date };
  unexpected: { requestId: string };
}

export type ParamValue = string | number | Date;
export type ParamsOf<C extends ErrorCode> = C extends keyof ErrorParamMap ? ErrorParamMap[C] : undefined;

/** An error as data: a code and, for codes with placeholders, their values. */
export type ErrorDescriptor = {
  [C in ErrorCode]: ParamsOf<C> extends undefined ? { code: C; params?: undefined } : { code: C; params: ParamsOf<C> };
}[ErrorCode];

/** Codes whose sentence has no placeholder, and codes that need parameters. */
export type PlainCode = { [C in ErrorCode]: ParamsOf<C> extends undefined ? C : never }[ErrorCode];
export type ParamCode = Exclude<ErrorCode, PlainCode>;

/** What went wrong, for the HTTP status (httpStatus) and for callers that branch on it (notFound()). */
export type ErrorKind =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "closed"
  | "invalid"
  | "too_large"
  | "unsupported"
  | "rate_limited";

export type FieldErrorDescriptors = Partial<Record<string, ErrorDescriptor[]>>;
/** Field errors as domain code writes them: a plain code or a descriptor per field. */
export type FieldErrorsInput = Partial<Record<string, ReadonlyArray<PlainCode | ErrorDescriptor>>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, ParamValue> | undefined;
  readonly fieldErrors: FieldErrorDescriptors | undefined;

  constructor(
    readonly kind: ErrorKind,
    descriptor: ErrorDescriptor,
    /** Per form field, for a form to show beside each field. */
    fieldErrors?: FieldErrorsInput,
  ) {
    super(descriptor.code);
    this.fieldErrors = fieldErrors && normalise(fieldErrors);
    this.name = "AppError";
    this.code = descriptor.code;
    this.params = descriptor.params as Record<string, ParamValue> | undefined;
  }

  get descriptor(): ErrorDescriptor {
    return { code: this.code, params: this.params } as ErrorDescriptor;
  }

  /** Seconds until a refused request may be tried again (rate limits), for a Retry-After header. */
  retryAfterSeconds?: number;

  /** A save refused because someone saved the same thing first: what they saved (lib/edits/revision.ts). */
  conflict?: EditConflict;
}

/**
 * What a form shows when its save is refused because someone else saved the same object after the form was
 * opened: their version beside the person's own (which the form keeps), and the revision to send with the
 * next save, which then replaces theirs knowingly.
 */
export type EditConflict = {
  /** The revision now stored. */
  revision: number;
  /** The stored values of the fields the form edits, under the form's field names (dotted for nested ones). */
  current: Record<string, string>;
};

function normalise(fieldErrors: FieldErrorsInput): FieldErrorDescriptors {
  const out: FieldErrorDescriptors = {};
  for (const [field, errors] of Object.entries(fieldErrors))
    if (errors) out[field] = errors.map((error) => (typeof error === "string" ? { code: error } : error) as ErrorDescriptor);
  return out;
}

/** A factory of one kind: `Conflict("notPending")`, `Conflict("tooManyComments", { max: 20 })`. */
type Factory = {
  (code?: PlainCode): AppError;
  <C extends ParamCode>(code: C, params: ErrorParamMap[C]): AppError;
};

const factory =
  (kind: ErrorKind, fallback: ErrorCode): Factory =>
  (code?: ErrorCode, params?: object) =>
    new AppError(kind, { code: code ?? fallback, params } as ErrorDescriptor);

export const Unauthenticated = () => new AppError("unauthenticated", { code: "unauthenticated" });
/** Without a code: "forbidden". */
export const Forbidden = factory("forbidden", "forbidden");
/** Without a code: "notFound". */
export const NotFound = factory("not_found", "notFound");
export const Conflict = factory("conflict", "invalid");
/** Without a code: "closed". */
export const Closed = factory("closed", "closed");
/** An upload over a size limit (413). */
export const TooLarge = factory("too_large", "fileTooLarge");
/** An upload of a type that is not accepted (415). */
export const Unsupported = factory("unsupported", "unsupportedType");

export function RateLimited(seconds: number) {
  const wait = Math.max(1, Math.ceil(seconds));
  // Seconds under a minute, whole minutes above ("try again in 42 seconds", "… in 2 minutes").
  const params = wait < 60 ? { wait, unit: "seconds" as const } : { wait: Math.ceil(wait / 60), unit: "minutes" as const };
  const error = new AppError("rate_limited", { code: "rateLimited", params });
  error.retryAfterSeconds = wait;
  return error;
}

/** A refused input: a code for the form (with its parameters, if any), and per-field codes. */
export function Invalid(code?: PlainCode, fieldErrors?: FieldErrorsInput): AppError;
export function Invalid<C extends ParamCode>(code: C, params: ErrorParamMap[C], fieldErrors?: FieldErrorsInput): AppError;
export function Invalid(code: ErrorCode = "invalid", second?: object, third?: FieldErrorsInput) {
  const hasParams = second !== undefined && !isFieldErrors(second);
  const params = hasParams ? second : undefined;
  return new AppError("invalid", { code, params } as ErrorDescriptor, (hasParams ? third : second) as FieldErrorsInput);
}

/** A refusal of one field: the form's message is "invalid" and the field shows the code. */
export function InvalidField(field: string, code: PlainCode): AppError;
export function InvalidField<C extends ParamCode>(field: string, code: C, params: ErrorParamMap[C]): AppError;
export function InvalidField(field: string, code: ErrorCode, params?: object) {
  return new AppError("invalid", { code: "invalid" }, { [field]: [{ code, params } as ErrorDescriptor] });
}

/** The same refusal as `error`, shown beside `field` as well (a conflict that one field can fix). */
export function onField(error: AppError, field: string) {
  return new AppError(error.kind, error.descriptor, { ...error.fieldErrors, [field]: [error.descriptor] });
}

function isFieldErrors(value: unknown): value is FieldErrorsInput {
  if (typeof value !== "object" || value === null || value instanceof Date) return false;
  return Object.values(value).every((entry) => Array.isArray(entry));
}

export function isAppError(error: unknown, kind?: ErrorKind): error is AppError {
  return error instanceof AppError && (kind === undefined || error.kind === kind);
}

const STATUS: Record<ErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  invalid: 400,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
};

/** The HTTP status of a refusal, for route handlers: the one map from kinds to statuses. */
export function httpStatus(error: AppError) {
  return STATUS[error.kind];
}

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
