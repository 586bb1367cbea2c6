/**
 * A weighted term index over the guidance, hand-written because it wins clearly on this corpus
 * (bench/compare.ts: better top-1 than MiniSearch's BM25 over the same fields, at a tenth of
 * the time): the ranking core of the engine Waypoint had before issue 12, now fed lemmas and
 * weighted query terms by search.ts.
 *
 * How it ranks: every item is indexed as weighted terms (a word in a title or a synonym counts
 * for more than one in a key point, and a term found in several fields a little more). Each
 * query term is matched against the vocabulary: exactly, or fuzzily so variants still land
 * ("collud"/"collusion"); a fuzzy match must be close by edit distance or share most of a long
 * prefix, and fuse.js ranks the few close words, found quickly through an index of letter pairs.
 * Rare terms count for more (inverse document frequency). Two small lifts break near-ties: an
 * item whose title is mostly the query's words, and one whose example question or synonym phrase
 * shares several of them (the nearest labelled example).
 */
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';

/** An item as indexed: its fields' terms with their weights, its title terms and its examples' terms. */
export interface IndexedItem {
  fields: Array<{ terms: string[]; weight: number }>;
  title: string[];
  examples: string[][];
}

export interface IndexHit {
  index: number;
  /** The share of the best possible score for the query, plus the title and example lifts. */
  score: number;
}

/** How much a focused title (most of its words matched) adds to a hit's score. */
const TITLE_FOCUS = 0.1;

/** How much the closest example question (or synonym phrase) adds to a hit's score. */
const EXAMPLE_MATCH = 0.1;

/** How much a term's appearances in further fields add to its best field's weight. */
const ALSO_IN_OTHER_FIELDS = 0.15;

/** How many query terms' matches are remembered; unbounded input must not grow memory without limit. */
const TERM_CACHE_LIMIT = 10_000;

/** A half-typed word completes to the words it begins once it has this many letters. */
const MIN_COMPLETION_CHARS = 3;

/** How much a completed word counts, next to an exact match (1). */
const COMPLETION_SIMILARITY = 0.9;

/** Fuzzy candidates must be at least this similar to the query term (0..1). */
const MIN_TERM_SIMILARITY = 0.76;

/** How many close words fuse.js keeps for a query term, best first. */
const FUZZY_LIMIT = 12;

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 3 } as const;

/** A vocabulary term: its id, and the documents it appears in (ascending) with its weight in each. */
interface Posting {
  id: number;
  docs: Int32Array;
  weights: Float64Array;
}

/**
 * Every item's title terms and examples (those of two or more distinct terms: a phrase), laid
 * end to end in a few typed arrays, so ranking thousands of items reads memory in order rather
 * than chasing an object per item.
 *   - Item i's title terms are titleIds[titleStarts[i] .. titleStarts[i + 1]).
 *   - Its examples are examples exampleStarts[i] .. exampleStarts[i + 1]; example e's terms are
 *     termIds[termStarts[e] .. termStarts[e + 1]), with each term's rarity (IDF) in termIdfs and
 *     their sum in totals[e]; largest[i] is the largest of its examples' totals.
 */
interface Phrases {
  titleIds: Int32Array;
  titleStarts: Int32Array;
  exampleStarts: Int32Array;
  termStarts: Int32Array;
  termIds: Int32Array;
  termIdfs: Float64Array;
  totals: Float64Array;
  largest: Float64Array;
}

/** The vocabulary words that start with one letter, and which of them contain each bigram. */
interface LetterVocabulary {
  words: string[];
  bigrams: Map<string, Int32Array>;
  /** Scratch for counting shared bigrams, one per word, kept at zero between uses. */
  shared: Int32Array;
}

export class WeightedIndex {
  private readonly size: number;
  private readonly postings = new Map<string, Posting>();
  private readonly vocabulary = new Map<string, LetterVocabulary>();
  private readonly phrases: Phrases;
  private readonly termMatches = new Map<string, Map<string, number>>();
  /** The most a term can weigh in one item: present in every field. */
  private readonly maxTermWeight: number;
  /** Scratch, kept at zero between uses (see query). */
  private readonly termBest: Float64Array;
  private readonly touched: Int32Array;
  private readonly matchedSimilarity: Float64Array;
  /** Scratch, kept at zero between uses: each item's score for the query being answered. */
  private readonly scores: Float64Array;

  constructor(items: IndexedItem[], fieldWeights: number[]) {
    this.size = items.length;
    this.maxTermWeight = termWeight(fieldWeights);
    this.termBest = new Float64Array(items.length);
    this.touched = new Int32Array(items.length);
    this.scores = new Float64Array(items.length);
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    items.forEach((item, index) => {
      const weightsOf = new Map<string, number[]>();
      for (const field of item.fields) {
        for (const term of new Set(field.terms)) {
          const list = weightsOf.get(term) ?? [];
          list.push(field.weight);
          weightsOf.set(term, list);
        }
      }
      for (const [term, weights] of weightsOf) {
        let posting = postings.get(term);
        if (!posting) postings.set(term, (posting = { docs: [], weights: [] }));
        posting.docs.push(index);
        posting.weights.push(termWeight(weights));
      }
    });
    for (const [term, { docs, weights }] of postings) {
      this.postings.set(term, { id: this.postings.size, docs: Int32Array.from(docs), weights: Float64Array.from(weights) });
    }
    this.matchedSimilarity = new Float64Array(this.postings.size);
    const idOf = (term: string) => this.postings.get(term)?.id ?? -1;
    this.phrases = phrasesOf(items, idOf, (term) => this.idf(term));
    const byLetter = new Map<string, string[]>();
    for (const term of this.postings.keys()) {
      const letter = term[0] as string;
      const words = byLetter.get(letter);
      if (words) words.push(term);
      else byLetter.set(letter, [term]);
    }
    for (const [letter, words] of byLetter) this.vocabulary.set(letter, letterVocabulary(words));
  }

  get vocabularySize(): number {
    return this.postings.size;
  }

  /** A term's rarity over items (inverse document frequency). */
  idf(term: string): number {
    return Math.log(1 + this.size / (1 + (this.postings.get(term)?.docs.length ?? 0)));
  }

  /**
   * The best `limit` items for weighted query terms (weight 1 for a word typed, less for one the
   * thesaurus added). With `partial`, that term (being typed) also matches the words it begins;
   * terms in `exact` (words the guidance itself uses, such as the thesaurus's) are not matched fuzzily.
   * `phraseWeights`, when given, are the terms' weights for the example phrases' lift, where they
   * differ from those they are scored by.
   */
  query(terms: ReadonlyMap<string, number>, limit: number, options: { partial?: string; exact?: ReadonlySet<string>; phraseWeights?: ReadonlyMap<string, number> } = {}): IndexHit[] {
    const n = this.size;
    const scores = this.scores;
    /** The items scored so far, each once: ranking visits these, not every item. */
    const scored: number[] = [];
    const best = this.termBest;
    const touched = this.touched;
    let possible = 0;
    let queryIdf = 0;
    const similarityOf = this.matchedSimilarity;
    const matchedIds: number[] = [];
    for (const [term, weight] of terms) {
      const matches = term === options.partial ? this.withCompletions(term) : options.exact?.has(term) ? this.exactly(term) : this.matchTerm(term);
      let count = 0;
      for (const [vocabTerm, similarity] of matches) {
        const posting = this.postings.get(vocabTerm);
        if (!posting) continue;
        const before = similarityOf[posting.id] as number;
        if (before === 0) matchedIds.push(posting.id);
        if (similarity > before) similarityOf[posting.id] = similarity;
        const { docs, weights } = posting;
        for (let i = 0; i < docs.length; i += 1) {
          const doc = docs[i] as number;
          const value = (weights[i] as number) * similarity;
          const previous = best[doc] as number;
          if (value > previous) {
            if (previous === 0) touched[count++] = doc;
            best[doc] = value;
          }
        }
      }
      const rarity = Math.log(1 + n / (1 + count));
      const idf = rarity * weight;
      possible += idf * this.maxTermWeight;
      queryIdf += rarity * (options.phraseWeights?.get(term) ?? weight);
      for (let i = 0; i < count; i += 1) {
        const doc = touched[i] as number;
        const score = scores[doc] as number;
        if (score === 0) scored.push(doc);
        scores[doc] = score + idf * (best[doc] as number);
        best[doc] = 0;
      }
    }
    try {
      return possible > 0 ? this.rank(scored, possible, queryIdf, limit) : [];
    } finally {
      for (const id of matchedIds) similarityOf[id] = 0;
      for (const doc of scored) scores[doc] = 0;
    }
  }

  /**
   * For one item and a query's terms: the vocabulary terms it matched, each with the share of
   * the most a term can weigh that it has there, times the match's similarity.
   */
  explain(index: number, terms: ReadonlyMap<string, number>, exact?: ReadonlySet<string>): { matched: Map<string, number>; typed: Set<string> } {
    const matched = new Map<string, number>();
    const typed = new Set<string>();
    for (const [term, weight] of terms) {
      for (const [vocabTerm, similarity] of exact?.has(term) ? this.exactly(term) : this.matchTerm(term)) {
        const posting = this.postings.get(vocabTerm);
        if (!posting) continue;
        const at = binarySearch(posting.docs, index);
        if (at < 0) continue;
        typed.add(term);
        const value = ((posting.weights[at] as number) / this.maxTermWeight) * similarity * weight;
        if (value > (matched.get(vocabTerm) ?? 0)) matched.set(vocabTerm, value);
      }
    }
    return { matched, typed };
  }

  /**
   * The best `limit` of the scored items, with their title and example lifts. The example lift is
   * the costly part, so it is worked out only for items it could still bring into the list: from
   * the highest score (with its title lift) down, stopping once the most an example lift could add
   * to the next item (see exampleCeiling) would not raise it past the limit-th best found so far.
   */
  private rank(scored: number[], possible: number, queryIdf: number, limit: number): IndexHit[] {
    if (limit <= 0) return [];
    const scores = this.scores;
    // The limit-th best score without lifts: an item whose score with the most its lifts could add
    // falls short of it cannot make the list, and its lifts are not worked out.
    let floor = -Infinity;
    if (scored.length > limit) {
      const top: number[] = [];
      for (const index of scored) insertDescending(top, (scores[index] as number) / possible, limit);
      floor = top[limit - 1] as number;
    }
    // The limit-th best score with the title lift is a floor too, and a higher one: the candidates
    // are cut to it before sorting.
    const candidates: number[] = [];
    const titled: number[] = [];
    const bounds: number[] = [];
    const lifted: number[] = [];
    for (const index of scored) {
      const base = (scores[index] as number) / possible;
      if (base + TITLE_FOCUS + EXAMPLE_MATCH < floor) continue;
      const withTitle = base + TITLE_FOCUS * this.titleCoverage(index);
      const bound = withTitle + EXAMPLE_MATCH * this.exampleCeiling(index, queryIdf);
      if (bound < floor) continue;
      candidates.push(index);
      titled.push(withTitle);
      bounds.push(bound);
      insertDescending(lifted, withTitle, limit);
    }
    if (lifted.length === limit) floor = Math.max(floor, lifted[limit - 1] as number);
    const order: number[] = [];
    for (let i = 0; i < candidates.length; i += 1) if ((bounds[i] as number) >= floor) order.push(i);
    order.sort((a, b) => (bounds[b] as number) - (bounds[a] as number) || (candidates[a] as number) - (candidates[b] as number));
    const ranked: IndexHit[] = [];
    /** The best final scores so far, descending, at most `limit` of them. */
    const top: number[] = [];
    for (const i of order) {
      if (top.length === limit && (bounds[i] as number) < (top[limit - 1] as number)) break;
      const index = candidates[i] as number;
      const score = (titled[i] as number) + EXAMPLE_MATCH * this.exampleMatch(index, queryIdf);
      ranked.push({ index, score });
      insertDescending(top, score, limit);
    }
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit);
  }

  /**
   * The most an item's example lift could be for a query: an example's cosine can be no more than
   * the square root of its summed rarity over the query's (all its words matched), so a long
   * question can only be lifted a little by a short example.
   */
  private exampleCeiling(index: number, queryIdf: number): number {
    const largest = this.phrases.largest[index] as number;
    return largest > 0 && queryIdf > 0 ? Math.min(1, Math.sqrt(largest / queryIdf)) : 0;
  }

  private titleCoverage(index: number): number {
    const { titleIds, titleStarts } = this.phrases;
    const start = titleStarts[index] as number;
    const end = titleStarts[index + 1] as number;
    if (end === start) return 0;
    let hits = 0;
    for (let i = start; i < end; i += 1) if ((this.matchedSimilarity[titleIds[i] as number] as number) > 0) hits += 1;
    return hits / (end - start);
  }

  /** 0..1: the rarity-weighted overlap (a cosine over IDF-weighted word sets) with the nearest example phrase. */
  private exampleMatch(index: number, queryIdf: number): number {
    const { exampleStarts, termStarts, termIds, termIdfs, totals } = this.phrases;
    let best = 0;
    for (let e = exampleStarts[index] as number; e < (exampleStarts[index + 1] as number); e += 1) {
      let shared = 0;
      let words = 0;
      for (let i = termStarts[e] as number; i < (termStarts[e + 1] as number); i += 1) {
        const id = termIds[i] as number;
        const similarity = id >= 0 ? (this.matchedSimilarity[id] as number) : 0;
        if (similarity > 0) {
          shared += (termIdfs[i] as number) * similarity;
          words += 1;
        }
      }
      // One shared word is already in the score; this rewards matching a phrase.
      if (words < 2) continue;
      const similarity = shared / Math.sqrt((totals[e] as number) * queryIdf);
      if (similarity > best) best = similarity;
    }
    return Math.min(best, 1);
  }

  private exactly(term: string): Map<string, number> {
    return this.postings.has(term) ? new Map([[term, 1]]) : new Map();
  }

  private withCompletions(term: string): Map<string, number> {
    const matches = new Map(this.matchTerm(term));
    if (term.length < MIN_COMPLETION_CHARS) return matches;
    for (const word of this.vocabulary.get(term[0] as string)?.words ?? []) {
      if (word.length > term.length && word.startsWith(term) && !matches.has(word)) matches.set(word, COMPLETION_SIMILARITY);
    }
    return matches;
  }

  /** The vocabulary term most like a query term (itself when indexed), if any is close enough. */
  closest(term: string): string | undefined {
    let best: string | undefined;
    let similarity = 0;
    for (const [word, s] of this.matchTerm(term)) if (s > similarity) [best, similarity] = [word, s];
    return best;
  }

  /** Vocabulary terms that match a query term, with their similarity (1 = exact). */
  private matchTerm(term: string): Map<string, number> {
    const known = this.termMatches.get(term);
    if (known) return known;
    const matches = new Map<string, number>();
    if (this.postings.has(term)) matches.set(term, 1);
    // Short terms (dv, da, 101) must match exactly: fuzzy matching would find them inside other words.
    if (term.length >= 4) {
      const close = closeWords(this.vocabulary.get(term[0] as string), term);
      const ranked = close.length > 0 ? new Fuse(close, FUSE_OPTIONS).search(term, { limit: FUZZY_LIMIT }) : [];
      for (const { item } of ranked) {
        if (item === term) continue;
        matches.set(item, termSimilarity(term, item));
      }
    }
    if (this.termMatches.size >= TERM_CACHE_LIMIT) this.termMatches.clear();
    this.termMatches.set(term, matches);
    return matches;
  }
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid] as number;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A term's weight in one document: its weight in the best field, plus a little
 * for each other field it appears in, so an item whose title, synonyms and
 * questions all say "MARAC" outranks one that mentions it once.
 */
function termWeight(fieldWeights: number[]): number {
  const best = Math.max(...fieldWeights);
  const rest = fieldWeights.reduce((sum, w) => sum + w, 0) - best;
  return best + ALSO_IN_OTHER_FIELDS * rest;
}

/**
 * Every item's title terms and examples as term ids (see Phrases); a title term the index lacks is
 * left out, and so is an example of one distinct term, as it can never match a phrase.
 */
function phrasesOf(items: IndexedItem[], idOf: (term: string) => number, idf: (term: string) => number): Phrases {
  const titleIds: number[] = [];
  const titleStarts: number[] = [0];
  const exampleStarts: number[] = [0];
  const termStarts: number[] = [0];
  const termIds: number[] = [];
  const termIdfs: number[] = [];
  const totals: number[] = [];
  const largest: number[] = [];
  for (const item of items) {
    for (const term of new Set(item.title)) {
      const id = idOf(term);
      if (id >= 0) titleIds.push(id);
    }
    titleStarts.push(titleIds.length);
    let most = 0;
    for (const example of item.examples) {
      const distinct = [...new Set(example)];
      if (distinct.length < 2) continue;
      let total = 0;
      for (const term of distinct) {
        const rarity = idf(term);
        termIds.push(idOf(term));
        termIdfs.push(rarity);
        total += rarity;
      }
      termStarts.push(termIds.length);
      totals.push(total);
      most = Math.max(most, total);
    }
    exampleStarts.push(totals.length);
    largest.push(most);
  }
  return {
    titleIds: Int32Array.from(titleIds),
    titleStarts: Int32Array.from(titleStarts),
    exampleStarts: Int32Array.from(exampleStarts),
    termStarts: Int32Array.from(termStarts),
    termIds: Int32Array.from(termIds),
    termIdfs: Float64Array.from(termIdfs),
    totals: Float64Array.from(totals),
    largest: Float64Array.from(largest),
  };
}

/** Keeps `top` the k largest values seen, in descending order: k is small (a page of results), so insertion is cheap. */
function insertDescending(top: number[], value: number, k: number): void {
  if (top.length === k && value <= (top[k - 1] as number)) return;
  let i = Math.min(top.length, k - 1);
  while (i > 0 && (top[i - 1] as number) < value) {
    top[i] = top[i - 1] as number;
    i -= 1;
  }
  top[i] = value;
}

/** The letter pairs in a word, each with how often it occurs. */
function bigramCounts(word: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < word.length; i += 1) {
    const bigram = word.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return counts;
}

function letterVocabulary(words: string[]): LetterVocabulary {
  const lists = new Map<string, number[]>();
  words.forEach((word, index) => {
    for (const bigram of bigramCounts(word).keys()) {
      const list = lists.get(bigram);
      if (list) list.push(index);
      else lists.set(bigram, [index]);
    }
  });
  const bigrams = new Map<string, Int32Array>();
  for (const [bigram, list] of lists) bigrams.set(bigram, Int32Array.from(list));
  return { words, bigrams, shared: new Int32Array(words.length) };
}

/**
 * The words of a letter's vocabulary that are close enough to a term (termSimilarity at least
 * MIN_TERM_SIMILARITY), in vocabulary order. Only words that could be are compared: termSimilarity
 * needs either a shared prefix of at least 5 letters or an edit distance d of at most 0.24 of the
 * longer word's length L, and two words within edit distance d share at least L - 1 - 2d bigrams
 * (each edit breaks at most two).
 */
function closeWords(vocabulary: LetterVocabulary | undefined, term: string): string[] {
  if (!vocabulary) return [];
  const { words, bigrams, shared } = vocabulary;
  const seen: number[] = [];
  for (const [bigram, times] of bigramCounts(term)) {
    const list = bigrams.get(bigram);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 1) {
      const index = list[i] as number;
      // Adding the term's count for each bigram can only over-count what the two share, never under-count.
      if (shared[index] === 0) seen.push(index);
      shared[index] = (shared[index] as number) + times;
    }
  }
  const prefix = term.slice(0, 5);
  const close: number[] = [];
  for (const index of seen) {
    const count = shared[index] as number;
    shared[index] = 0;
    const word = words[index] as string;
    const longest = Math.max(word.length, term.length);
    const maxEdits = Math.floor((1 - MIN_TERM_SIMILARITY) * longest + 1e-6);
    const mayBeNear = count >= longest - 1 - 2 * maxEdits || (prefix.length === 5 && word.startsWith(prefix));
    if (mayBeNear && termSimilarity(term, word) >= MIN_TERM_SIMILARITY) close.push(index);
  }
  return close.sort((a, b) => a - b).map((index) => words[index] as string);
}


/**
 * 0..1: edit-distance similarity, raised for words that share a long prefix
 * (collud/collusion). Words must start with the same letter: typos rarely hit
 * the first letter, and without this "charm" would match "harm".
 */
function termSimilarity(a: string, b: string): number {
  if (a[0] !== b[0]) return 0;
  const longest = Math.max(a.length, b.length);
  const edit = 1 - distance(a, b) / longest;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  // The shared prefix must be most of the shorter word, and the longer word not much longer:
  // "collud"/"collusion", but not "control"/"contract" or "reset"/"resettlement".
  const shortest = Math.min(a.length, b.length);
  const shared = prefix >= 5 && prefix >= shortest - 1 && longest - shortest <= 3 ? 0.75 + (0.2 * prefix) / longest : 0;
  // In short words one letter is often a different word ("mode"/"made", "reset"/"rest"), so only
  // a single changed letter in a five-letter word ("abuze") counts.
  const closeEnough = longest > 5 || (edit >= 0.8 && a.length === b.length);
  return Math.max(closeEnough ? edit : 0, shared);
}
