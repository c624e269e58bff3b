// Near-duplicate detection ("campaigns": one text pasted by many people, with small edits). Pure: no database,
// no clock, no randomness; the same input in the same order always gives the same clusters.
//
// Method
// 1. Normalise: Unicode NFKC, lower case, then the words as lib/text/words.ts cuts them (Unicode word
//    boundaries: Chinese and Japanese by dictionary, an Arabic word with its vowel marks whole), punctuation
//    dropped, also inside a word, so "Cyber-security," and "cyber security" compare equal, as do "don't" and
//    "don’t".
// 2. Shingle: every run of SHINGLE_WORDS (3) consecutive words, hashed to 32 bits. A response is its SET of
//    shingles; one edited word changes at most three shingles, a rewritten text changes nearly all.
// 3. MinHash: SIGNATURE_SIZE (128) minima of a fixed family of seeded 32-bit hash functions, and LSH banding
//    (BANDS = 32 bands of 4 rows): two texts whose signatures agree on a whole band become a candidate pair.
//    A pair with Jaccard 0.6 is a candidate with probability 1 - (1 - 0.6^4)^32 ≈ 0.99, one with 0.5 ≈ 0.87,
//    one with 0.2 only ≈ 0.05: the banding finds the pairs that matter without comparing all n² pairs.
// 4. Confirm: a candidate pair is linked only if the EXACT Jaccard similarity of the two shingle sets,
//    |A ∩ B| / |A ∪ B|, is at least THRESHOLD. Linked texts are joined with union-find (single linkage), so
//    a campaign whose copies drifted in different directions stays one cluster through its members.
//
// Threshold: Jaccard ≥ 0.6 on 3-word shingles. A 150-word text with a changed greeting, two typos, a few
// swapped words and an added sentence keeps ≈ 0.65–0.85 (tests/unit/similarity.test.ts); two responses
// written separately on the same topic, even from the same stock phrases, share well under 0.3 of their
// shingles. 0.6 sits between the two with margin on both sides.
//
// Texts of fewer than MIN_WORDS (20) words (in Chinese, some 30 to 40 characters) are never clustered: a short
// answer ("We support the draft norms.") is naturally written identically by people who never saw each other's
// text, and with a dozen shingles one edit moves the score by 0.2, so a score says nothing about copying.

import { words } from "@/lib/text/words";

export const SHINGLE_WORDS = 3;
export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;
export const THRESHOLD = 0.6;
export const MIN_WORDS = 20;
/**
 * An answer compared on its own (lib/curation/cluster-call.ts) needs ANSWER_MIN_WORDS (40): one sentence of
 * 20 to 30 words is too often alike by chance (the clustering bench found 40 pairs of single generated
 * sentences among 10,000 responses at 20), while a pasted campaign text is a paragraph or more.
 */
export const ANSWER_MIN_WORDS = 40;

/**
 * The words of a text as clustering compares them (step 1 above).
 * @param locale the text's language (a BCP 47 tag) when known.
 */
export function clusterWords(text: string, locale?: string): string[] {
  const out: string[] = [];
  for (const word of words(text.normalize("NFKC").toLowerCase(), locale)) {
    const bare = word.replace(/\p{P}+/gu, "");
    if (bare) out.push(bare);
  }
  return out;
}

/** FNV-1a over the UTF-16 code units, then a final avalanche: a well-spread 32-bit hash of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** MurmurHash3's finaliser: a bijection on 32 bits that spreads every input bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The sorted, distinct shingle hashes of a text; null when it is too short to be clustered. */
export function shingles(
  text: string,
  locale?: string,
  wordHashes = new Map<string, number>(),
  minWords = MIN_WORDS,
): Uint32Array | null {
  const textWords = clusterWords(text, locale);
  if (textWords.length < minWords) return null;
  // Each word is hashed once; a shingle's hash combines its words' hashes in order (rotations keep
  // "a b c" and "c b a" apart), which is far cheaper than hashing the joined string.
  const hashes = textWords.map((word) => {
    let h = wordHashes.get(word);
    if (h === undefined) wordHashes.set(word, (h = hashString(word)));
    return h;
  });
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= hashes.length; i++) {
    let h = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = mix(((h << 7) | (h >>> 25)) ^ hashes[i + k]!);
    set.add(h);
  }
  return Uint32Array.from(set).sort();
}

/** Exact Jaccard similarity of two sorted sets (a merge, linear in their sizes). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

/**
 * The MinHash signature: for k = 0…SIGNATURE_SIZE-1, the minimum over the set of h_k(x) = h1(x) + k·h2(x)
 * (mod 2^32), with h1 and h2 two fixed seeded mixes of x (Kirsch–Mitzenmacher double hashing: as good as
 * independent hash functions for MinHash, at one multiply-add per value and k).
 */
export function signature(set: Uint32Array): Uint32Array {
  const minima = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const value of set) {
    const h1 = mix(value ^ 0x9e3779b9);
    const h2 = mix(value ^ 0x6a09e667) | 1;
    let h = h1;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      if (h >>> 0 < minima[k]!) minima[k] = h >>> 0;
      h = (h + h2) | 0;
    }
  }
  return minima;
}

/** The share of equal positions of two signatures: an estimate of the Jaccard similarity (±0.05). */
function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}
/** Below this estimate a pair cannot reach THRESHOLD (4.5 standard deviations at 128 hashes). */
const ESTIMATE_FLOOR = THRESHOLD - 0.2;

/** Similarity of two texts as clustering sees it; null when either is too short. */
export function similarity(a: string, b: string, locale?: string): number | null {
  const sa = shingles(a, locale);
  const sb = shingles(b, locale);
  return sa && sb ? jaccard(sa, sb) : null;
}

/** `locale`: the text's language (a BCP 47 tag) when known. */
export type ClusterInput = { id: string; text: string; locale?: string };
export type Cluster = {
  representativeId: string;
  /** Members in input order, the representative first with score 1; score = Jaccard to the representative. */
  members: { id: string; score: number }[];
  minScore: number;
};

/**
 * Clusters of near-identical texts (two members or more). `items` must be in the order that decides the
 * representative (the earliest submitted first); clusters come biggest first, then by their first member.
 * Texts of fewer than `minWords` words are left out (MIN_WORDS; answers compared alone, ANSWER_MIN_WORDS).
 * `links`: pairs of ids a moderator put together by hand, joined whatever their texts (a short text too);
 * their score is still their similarity to the representative (0 for a text too short to compare).
 */
export function findClusters(
  items: readonly ClusterInput[],
  minWords = MIN_WORDS,
  links: readonly (readonly [string, string])[] = [],
): Cluster[] {
  const wordHashes = new Map<string, number>();
  const sets = items.map((item) => shingles(item.text, item.locale, wordHashes, minWords));
  const signatures = sets.map((set) => set && signature(set));
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };

  for (let band = 0; band < BANDS; band++) {
    // A collision of two different band keys only adds a candidate, which the exact check then drops.
    const buckets = new Map<number, number[]>();
    signatures.forEach((sig, index) => {
      if (!sig) return;
      let h = band;
      for (let row = band * ROWS; row < (band + 1) * ROWS; row++) h = mix(((h << 5) | (h >>> 27)) ^ sig[row]!);
      const bucket = buckets.get(h);
      if (bucket) bucket.push(index);
      else buckets.set(h, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]!;
          const j = bucket[y]!;
          const a = find(i);
          const b = find(j);
          // Already joined: checking the pair again cannot change the clusters (connectivity only).
          if (a === b || estimate(signatures[i]!, signatures[j]!) < ESTIMATE_FLOOR || jaccard(sets[i]!, sets[j]!) < THRESHOLD)
            continue;
          if (a < b) parent[b] = a;
          else parent[a] = b;
        }
      }
    }
  }

  const indexOf = new Map(items.map((item, index) => [item.id, index]));
  const linked = new Set<number>();
  for (const [one, other] of links) {
    const i = indexOf.get(one);
    const j = indexOf.get(other);
    if (i === undefined || j === undefined) continue; // withdrawn or removed since: nothing to join
    linked.add(i).add(j);
    const a = find(i);
    const b = find(j);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }

  const groups = new Map<number, number[]>();
  items.forEach((_, index) => {
    if (!sets[index] && !linked.has(index)) return;
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  });

  const clusters: { cluster: Cluster; first: number }[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [number, ...number[]];
    const members = [
      { id: items[first]!.id, score: 1 },
      ...rest.map((i) => ({ id: items[i]!.id, score: sets[first] && sets[i] ? jaccard(sets[first], sets[i]) : 0 })),
    ];
    const minScore = members.reduce((min, m) => Math.min(min, m.score), 1);
    clusters.push({ cluster: { representativeId: items[first]!.id, members, minScore }, first });
  }
  clusters.sort((a, b) => b.cluster.members.length - a.cluster.members.length || a.first - b.first);
  return clusters.map(({ cluster }) => cluster);
}
