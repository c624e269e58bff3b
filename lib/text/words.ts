// Words as Unicode defines them (UAX #29, through Intl.Segmenter and the full ICU of Node and browsers): the
// one place where the version diff (lib/messages/words.ts) and campaign clustering (lib/curation/similarity.ts)
// cut text into words. A regex can only take runs of letters, so a Chinese or Japanese sentence, written
// without spaces, was one "word"; ICU cuts those by dictionary (with or without a locale: its dictionaries do
// not depend on it), and keeps "don't", "3.5" and an Arabic word with its vowel marks whole.
//
// White space always separates: the text is cut at runs of it (JavaScript's \s) first, and each piece is
// segmented alone. Words never span white space anyway, except across U+202F, the narrow no-break space French
// puts before ":" or "?", which UAX #29 would glue to the word before it ("mot\u202f").
// Segmenting costs about 0.5 µs a character, several times clustering's own work per text, so the segments of
// short pieces, which repeat a lot in natural text, are kept in a bounded cache per locale.

export type Segment = { readonly text: string; readonly word: boolean };

const WHITE_SPACE = /\s+/gu;
/** Longer pieces (a Chinese paragraph, a URL) rarely repeat: not worth the memory. */
const CACHED_LENGTH = 64;
/** A few megabytes at most; emptied when full (natural text fills it with its common words again at once). */
const CACHE_ENTRIES = 50_000;

type Segmenter = { segmenter: Intl.Segmenter; pieces: Map<string, readonly Segment[]> };
const segmenters = new Map<string, Segmenter>();

/** One segmenter per locale; an invalid tag (e.g. "en_US") falls back to the default, never throws. */
function segmenterFor(locale: string | undefined): Segmenter {
  const key = locale ?? "";
  let entry = segmenters.get(key);
  if (!entry) {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    } catch (error) {
      if (!(error instanceof RangeError) || locale === undefined) throw error;
      return segmenterFor(undefined);
    }
    entry = { segmenter, pieces: new Map() };
    segmenters.set(key, entry);
  }
  return entry;
}

function segmentPiece({ segmenter, pieces }: Segmenter, piece: string): readonly Segment[] {
  const cached = pieces.get(piece);
  if (cached) return cached;
  const segments = Array.from(segmenter.segment(piece), (s) => ({ text: s.segment, word: s.isWordLike === true }));
  if (piece.length <= CACHED_LENGTH) {
    if (pieces.size >= CACHE_ENTRIES) pieces.clear();
    pieces.set(piece, segments);
  }
  return segments;
}

/**
 * The text cut into words, runs of white space (one segment each) and everything else (punctuation marks,
 * emoji, one segment each), in order: joined, the segments give the text back exactly.
 * @param locale the text's language (a BCP 47 tag) when known.
 */
export function segmentWords(text: string, locale?: string): Segment[] {
  const segmenter = segmenterFor(locale);
  const out: Segment[] = [];
  const add = (piece: string) => {
    for (const segment of segmentPiece(segmenter, piece)) out.push(segment);
  };
  let end = 0;
  for (const space of text.matchAll(WHITE_SPACE)) {
    if (space.index > end) add(text.slice(end, space.index));
    out.push({ text: space[0], word: false });
    end = space.index + space[0].length;
  }
  if (end < text.length) add(text.slice(end));
  return out;
}

/** The words of a text (letters, digits and the marks inside a word), without what lies between them. */
export function words(text: string, locale?: string): string[] {
  const out: string[] = [];
  for (const segment of segmentWords(text, locale)) if (segment.word) out.push(segment.text);
  return out;
}
