// The default rate limit, in a pure module: the OpenAPI document and the developer page state it.
export const RATE_LIMIT_DEFAULTS = { perMinute: 60, burst: 30 } as const;
