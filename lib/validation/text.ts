// The one rule for characters in text that comes from outside (form fields, route parameters, query strings):
// no NUL (PostgreSQL refuses it in text, so it would fail the request deep in a query), no lone UTF-16
// surrogate (not a character: it cannot be stored or encoded as UTF-8) and no Unicode non-character
// (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE … U+10FFFF: reserved
// for a program's internal use, never for interchange). Everything else is allowed here; removing invisible
// or bidi characters from names is a separate, display-side rule. Pure: imported by client forms and tests.
import { z } from "zod";

/** With the `u` flag, `\p{Cs}` matches only surrogates that are not part of a pair. */
const INVALID_CHARACTER = /[\0\p{Cs}\p{Noncharacter_Code_Point}]/u;
const INVALID_CHARACTERS = /[\0\p{Cs}\p{Noncharacter_Code_Point}]/gu;

/** The catalog key of the refusal ("Validation", "ResponseValidation" and "Errors" all have it). */
export const INVALID_CHARACTERS_KEY = "invalidCharacters";

export function hasInvalidCharacters(value: string) {
  return INVALID_CHARACTER.test(value);
}

/** The value without the characters this module refuses (to show a search box's text back, cleaned). */
export function withoutInvalidCharacters(value: string) {
  return value.replace(INVALID_CHARACTERS, "");
}

/**
 * PostgreSQL's refusal of such text ("invalid byte sequence for encoding UTF8: 0x00", SQLSTATE 22021), for a
 * value that reached a query without passing a schema (an id read straight from a form): the callers turn it
 * into the same refusal as the schema's instead of an unexpected error.
 */
export function isInvalidTextError(error: unknown) {
  return error instanceof Error && /\b22021\b|invalid byte sequence for encoding/.test(error.message);
}

/**
 * `z.string(params)` that refuses NUL, lone surrogates and non-characters with "invalidCharacters" (and stops
 * there, so the field shows that one message). Use it for every string that comes from a person or a URL.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasInvalidCharacters(value), { error: INVALID_CHARACTERS_KEY, abort: true });
}
