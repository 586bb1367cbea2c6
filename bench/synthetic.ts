/**
 * Synthetic corpora for the search benchmark: any number of cards, built in
 * memory, shaped like the real ones, so the benchmark can show how the cost of
 * a search grows with the corpus.
 *
 * Each card has a title, search synonyms (some of them phrases), example
 * questions, a summary and key points, about as long as the real cards'. Their
 * words are drawn from two pools:
 *   - the real corpus's own words, as often as they occur there, so golden
 *     queries find plenty to match (the common domain words in thousands of cards);
 *   - made-up words (syllables, sometimes with an English ending), drawn with a
 *     Zipf distribution from a lexicon that grows with the corpus as a real
 *     vocabulary would (Heaps' law, V ~ N^0.6), so the fuzzy matcher faces a
 *     realistic number of words per first letter.
 * A fixed seed makes every run build the same corpora.
 */
import type { SearchDocument } from '../src/core/search/search';
import { normalise } from '../src/core/language/analyse';

/** A small, fast, seeded PRNG (mulberry32): the same seed, the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How the vocabulary grows with the number of words in a corpus (Heaps' law exponent). */
const HEAPS_EXPONENT = 0.6;

/** The share of words taken from the real corpus; the rest are made-up words. */
const REAL_WORD_SHARE = 0.6;

/** Word onsets, weighted roughly as English word starts are (s, c, p, a, r, d ... most often). */
const ONSETS = [
  ...Array<string>(9).fill('s'), ...Array<string>(7).fill('c'), ...Array<string>(6).fill('p'), ...Array<string>(5).fill('a'),
  ...Array<string>(5).fill('r'), ...Array<string>(5).fill('d'), ...Array<string>(4).fill('m'), ...Array<string>(4).fill('e'),
  ...Array<string>(4).fill('t'), ...Array<string>(4).fill('b'), ...Array<string>(3).fill('f'), ...Array<string>(3).fill('h'),
  ...Array<string>(3).fill('i'), ...Array<string>(3).fill('l'), ...Array<string>(3).fill('w'), ...Array<string>(3).fill('g'),
  'n', 'n', 'o', 'o', 'u', 'v', 'k', 'j', 'y', 'q', 'z',
  'st', 'pr', 'tr', 'br', 'cl', 'gr', 'sh', 'ch', 'th', 'pl', 'sp', 'fr', 'dr', 'bl', 'sc', 'wh',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ea', 'ou', 'ai', 'io', 'y'];
const CONSONANTS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'nd', 'nt', 'st', 'rt', 'ss', 'ck', 'ng', 'th', 'rm', 'ct'];
const ENDINGS = ['', '', '', '', 'ing', 'ed', 's', 'er', 'ion', 'ment', 'ity', 'al', 'ive', 'ness'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function madeUpWord(rand: () => number): string {
  const syllables = 1 + Math.floor(rand() * 3);
  let word = pick(rand, ONSETS);
  if (/^[aeiou]/.test(word)) word += pick(rand, CONSONANTS);
  for (let i = 0; i < syllables; i += 1) word += pick(rand, VOWELS) + pick(rand, CONSONANTS);
  return word + pick(rand, ENDINGS);
}

/** Draws from a Zipf distribution (exponent s) over ranks 0..n-1, by binary search on the cumulative weights. */
function zipf(rand: () => number, n: number, s = 1.05): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) cumulative[rank] = total += 1 / Math.pow(rank + 1, s);
  return () => {
    const target = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface SyntheticOptions {
  cards: number;
  /** The real corpus's documents: their words, as often as they occur, are one pool of words. */
  real: SearchDocument[];
  seed?: number;
}

/** `cards` synthetic search documents shaped like the real ones. */
export function syntheticCorpus({ cards, real, seed = 20240601 }: SyntheticOptions): SearchDocument[] {
  const rand = random(seed + cards);
  // The real words, each as often as it occurs: drawing uniformly from this list follows their real frequencies.
  const realWords = real.flatMap((doc) => Object.values(doc.fields).flatMap((text) => normalise(text).split(' ').filter(Boolean)));
  const realTokens = realWords.length;
  const realVocabulary = new Set(realWords).size;
  // The made-up lexicon: what Heaps' law adds to the real vocabulary for this many words in all.
  const tokensPerCard = realTokens / real.length;
  const growth = Math.pow((cards * tokensPerCard) / realTokens, HEAPS_EXPONENT);
  const lexicon = new Set<string>();
  // A Zipf draw touches only part of a lexicon, so make it larger than the words it should add.
  const lexiconSize = Math.max(500, Math.round(realVocabulary * (growth - 1) * 1.5));
  while (lexicon.size < lexiconSize) lexicon.add(madeUpWord(rand));
  const madeUp = [...lexicon];
  const madeUpRank = zipf(rand, madeUp.length);
  const word = () => (rand() < REAL_WORD_SHARE ? pick(rand, realWords) : (madeUp[madeUpRank()] as string));
  const words = (min: number, max: number) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, word).join(' ');
  const list = (min: number, max: number, wordsMin: number, wordsMax: number) =>
    Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => words(wordsMin, wordsMax));

  const docs: SearchDocument[] = [];
  for (let i = 0; i < cards; i += 1) {
    const title = words(3, 10);
    // Real cards: about 20 synonyms (a third of them phrases), 6 to 8 questions, a one-line summary, 200 words of key points.
    const synonyms = list(12, 24, 1, 3);
    const questions = list(5, 9, 5, 12);
    const summary = words(15, 35);
    const keyPoints = list(5, 9, 15, 30);
    docs.push({
      id: `synthetic-${i}`,
      kind: 'card',
      title,
      related: Array.from({ length: Math.floor(rand() * 4) }, () => `synthetic-${Math.floor(rand() * cards)}`),
      fields: { title, synonyms: synonyms.join(' . '), questions: questions.join(' . '), asked: '', summary, body: keyPoints.join(' '), steps: '' },
      examples: [...questions, ...synonyms.filter((s) => s.includes(' '))],
      asked: [],
    });
  }
  return docs;
}
