// Errors of the open data API: every refusal is JSON `{ error: { code, message } }` with an HTTP status, so a
// client never has to parse an HTML page. Pure (no server-only): the OpenAPI document lists the same codes.

export const API_ERROR_CODES = {
  bad_request: 400,
  not_found: 404,
  method_not_allowed: 405,
  rate_limited: 429,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = API_ERROR_CODES[code];
  }
}

export const badRequest = (message: string) => new ApiError("bad_request", message);
export const notFound = (what = "resource") => new ApiError("not_found", `No published ${what} here.`);

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string } };

export function errorBody(error: ApiError): ApiErrorBody {
  return { error: { code: error.code, message: error.message } };
}
