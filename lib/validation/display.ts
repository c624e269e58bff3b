// Names and organisations are shown beside other people's text on many pages, so they must not carry
// characters that reorder or hide what surrounds them (display spoofing, issue 11 item 7): bidi embeddings
// and overrides (U+202A–202E), bidi isolates (U+2066–2069), the Arabic letter mark (U+061C), zero-width
// space (U+200B), LRM/RLM (U+200E/200F), invisible operators and word joiner (U+2060–2064), and the BOM
// (U+FEFF). These are always removed.
//
// ZWNJ (U+200C) and ZWJ (U+200D) are different: Persian needs ZWNJ inside words ("می‌خواهم"), Indic
// scripts use both to choose conjunct forms, and emoji sequences are joined by ZWJ (👩‍💻, 🏳️‍🌈). We keep
// them only where they can do that work: between two letters, marks or pictographs of a script other than
// Latin. Anywhere else (at the start or end, beside a space or punctuation, in Latin text, or in a run)
// they only hide or split text, and are removed. Rendering isolates user text too (`<UserText>`), so what
// is kept cannot leak its direction into the page around it.
import { text } from "@/lib/validation/text";

const ALWAYS = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

// A joiner is kept only with a joining character on both sides; "joining" = letter, mark or pictograph
// (or an emoji skin-tone modifier before it) that is not Latin. Lookarounds read the original string, so
// in a run of joiners each one has a joiner beside it and the whole run goes.
const JOINING = String.raw`(?!\p{Script=Latin})[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}]`;
const LONE_JOINER = new RegExp(`(?<!${JOINING})[\u200C\u200D]|[\u200C\u200D](?!${JOINING})`, "gu");

/** `value` without bidi controls and invisible characters (joiners kept only inside non-Latin words). */
export function stripInvisible(value: string): string {
  return value.replace(ALWAYS, "").replace(LONE_JOINER, "");
}

/**
 * A string schema for names and organisations: strips first (an `overwrite`, so it stays a string schema),
 * then the field's own `.trim()`, `.min()` and `.max()` apply to what will be stored.
 */
export const displayText = (error = "text") => text({ error }).overwrite(stripInvisible);
