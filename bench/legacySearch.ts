/**
 * Kept only so bench/compare.ts can measure it: the search engine as it was before issue 12.
 *
 * Finds the guidance a worker is asking for, from their own words.
 *
 * How it ranks: every card and tree is indexed as weighted terms (a word in a
 * title or a search synonym counts for more than one in a key point). Each
 * query term is matched against the whole vocabulary: exactly, or fuzzily so
 * typos and variants still land ("safegaurding", "marrac", "humor"). A fuzzy
 * match must be close by edit distance or share most of a long prefix
 * (termSimilarity), because Bitap matching alone would let "rent" match
 * "parent"; fuse.js ranks those close words and keeps the best few.
 * Rare terms count for more than common ones (inverse document frequency).
 * Two small lifts break near-ties: an item whose title is mostly made of the
 * query's words, and one whose example question or synonym phrase shares
 * several of the query's words (a phrase, not a single word). The result's
 * confidence is its share of the best score the query could get, and its
 * breadth the share of the query's words it matched, so replies can tell a
 * clear answer from a guess.
 *
 * Keeping a search cheap as the corpus grows (bench/ measures it up to
 * 10,000 cards):
 *   - Fuzzy matching is against the vocabulary, not every document, and the
 *     vocabulary grows far more slowly than the corpus. Even so, fuse.js is not
 *     run over every word: an index of each word's letter pairs (bigrams) first
 *     narrows the vocabulary to the words that could be close enough (words
 *     within edit distance d share most of their bigrams), termSimilarity picks
 *     the ones that are, and fuse.js ranks only those. A query term's matches
 *     are remembered, as the vocabulary never changes.
 *   - Scores are summed over each matched word's postings (the documents it is
 *     in, as typed arrays), with words and documents numbered.
 *   - The example lift adds at most EXAMPLE_MATCH, so it is only worked out
 *     for documents whose score and title lift could still reach the results:
 *     working it out for the rest would not change them.
 */
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';
import type { ContentLibrary } from '../src/core/content/library';
import type { Card, Tree } from '../src/core/content/schema';
import { terms } from './legacyText';

export interface SearchDocument {
  id: string;
  kind: 'card' | 'tree';
  title: string;
  /** Ids this item names as related; a related runner-up does not make an answer ambiguous. */
  related: string[];
  fields: Array<{ text: string; weight: number }>;
  /** The example questions and multi-word synonyms a worker might type, each as written. */
  examples: string[];
}

/** How much a word counts, by where it appears. */
export const FIELD_WEIGHTS = {
  title: 3,
  synonyms: 3,
  questions: 2.5,
  summary: 1.5,
  body: 1,
  /** A tree's step texts: many words, so each counts for less than a card's key points. */
  treeSteps: 0.6,
} as const;

/** How much a focused title (most of its words matched) adds to a hit's confidence. */
const TITLE_FOCUS = 0.1;

/** How much the closest example question (or synonym phrase) adds to a hit's confidence. */
const EXAMPLE_MATCH = 0.1;

/** How much a term's appearances in further fields add to its best field's weight. */
const ALSO_IN_OTHER_FIELDS = 0.15;

export interface SearchHit {
  id: string;
  kind: 'card' | 'tree';
  title: string;
  /** About 0..1: the share of the best possible score for this query (plus the title lift). */
  confidence: number;
  /** 0..1: the share of the query's rarity-weighted words this item matched at all. */
  breadth: number;
}

export type SearchVerdict =
  | { type: 'answer'; best: SearchHit; alternatives: SearchHit[] }
  /** Two or more strong contenders, too close to call. */
  | { type: 'choices'; hits: SearchHit[] }
  /** Nothing strong enough; `hits` are the nearest topics worth naming (empty when nothing is even near). */
  | { type: 'none'; hits: SearchHit[] };

/** Confidence thresholds, tuned against test/search/golden.yaml. */
export interface SearchTuning {
  /** At or above this, the best hit may be given as the answer. */
  answer: number;
  /** The best hit must lead the runner-up by this much (unless the two are related). */
  margin: number;
  /** Below this, nothing is good enough to offer at all. */
  offer: number;
  /** Choices offered are within this distance of the best. */
  choiceSpread: number;
  /** An answer must match at least this share of the query's rarity-weighted words. */
  breadth: number;
}

export const DEFAULT_TUNING: SearchTuning = { answer: 0.37, margin: 0.04, offer: 0.35, choiceSpread: 0.12, breadth: 0.5 };

/** Only the start of a very long message is searched: a question fits easily, and a turn's work stays bounded. */
const MAX_QUERY_CHARS = 1000;

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
 * A document's examples (those of two or more distinct terms: a phrase), flattened: example e's
 * terms are ids[ends[e - 1] .. ends[e]), with each term's rarity (IDF) in idfs and their sum in totals[e].
 */
interface Examples {
  ids: Int32Array;
  idfs: Float64Array;
  ends: Int32Array;
  totals: Float64Array;
}

/**
 * The vocabulary words that start with one letter (a fuzzy match must share it; see termSimilarity),
 * in the order they were indexed, and which of them contain each bigram.
 */
interface LetterVocabulary {
  words: string[];
  /** Bigram -> the indexes (into words) of the words containing it, ascending, once each. */
  bigrams: Map<string, Int32Array>;
  /** Scratch for counting shared bigrams, one per word, kept at zero between uses. */
  shared: Int32Array;
}

export function documentsFrom(library: ContentLibrary): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const card of library.cards.values()) docs.push(cardDocument(card));
  for (const tree of library.trees.values()) docs.push(treeDocument(tree));
  return docs;
}

/** The fields every item shares, weighted; `body` is what differs between cards and trees. */
function searchDocument(
  item: Card | Tree,
  kind: SearchDocument['kind'],
  body: { text: string; weight: number },
): SearchDocument {
  return {
    id: item.id,
    kind,
    title: item.title,
    related: item.related,
    fields: [
      { text: item.title, weight: FIELD_WEIGHTS.title },
      { text: item.search.synonyms.join(' '), weight: FIELD_WEIGHTS.synonyms },
      { text: item.search.questions.join(' '), weight: FIELD_WEIGHTS.questions },
      { text: item.summary, weight: FIELD_WEIGHTS.summary },
      body,
    ],
    examples: [...item.search.questions, ...item.search.synonyms.filter((s) => s.includes(' '))],
  };
}

function cardDocument(card: Card): SearchDocument {
  // Helpline names ("Men's Advice Line", "Rape Crisis") are how people ask for them.
  const contacts = card.contacts.map((c) => c.name);
  return searchDocument(card, 'card', { text: [...card.keyPoints, ...card.nextSteps, ...contacts].join(' '), weight: FIELD_WEIGHTS.body });
}

function treeDocument(tree: Tree): SearchDocument {
  const steps = Object.values(tree.nodes).flatMap((node) => [
    node.text,
    ...(node.type === 'question' ? node.options.map((o) => o.label) : []),
  ]);
  return searchDocument(tree, 'tree', { text: steps.join(' '), weight: FIELD_WEIGHTS.treeSteps });
}

export class GuidanceSearch {
  private readonly docs: SearchDocument[];
  private readonly byId: ReadonlyMap<string, SearchDocument>;
  /** term -> the documents it appears in, with its weight in each */
  private readonly postings = new Map<string, Posting>();
  /** The vocabulary, split by first letter, for fuzzy matching and for completing a half-typed word. */
  private readonly vocabulary = new Map<string, LetterVocabulary>();
  /** Each document's distinct title terms (ids), for the title-focus bonus. */
  private readonly titleTerms: Int32Array[];
  /** Each document's example questions and synonym phrases, for the example bonus. */
  private readonly examples: Examples[];
  /** Query term -> matched vocabulary terms. The vocabulary never changes, so this only ever grows, up to a cap. */
  private readonly termMatches = new Map<string, Map<string, number>>();
  /**
   * Scratch for search, kept at zero between uses: per document, a query term's best weight in it,
   * and the documents that term touched; per vocabulary term (by id), the query's best similarity.
   */
  private readonly termBest: Float64Array;
  private readonly touched: Int32Array;
  private readonly matchedSimilarity: Float64Array;

  constructor(
    documents: SearchDocument[],
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.docs = documents;
    this.byId = new Map(documents.map((doc) => [doc.id, doc]));
    this.termBest = new Float64Array(documents.length);
    this.touched = new Int32Array(documents.length);
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    documents.forEach((doc, index) => {
      // Per term: its weight in each field it appears in (once per field).
      const fieldWeights = new Map<string, number[]>();
      for (const field of doc.fields) {
        for (const term of new Set(terms(field.text))) {
          const list = fieldWeights.get(term) ?? [];
          list.push(field.weight);
          fieldWeights.set(term, list);
        }
      }
      for (const [term, weights] of fieldWeights) {
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
    // Every title and example term is in the vocabulary: titles, questions and synonyms are indexed fields.
    const idOf = (term: string) => this.postings.get(term)?.id ?? -1;
    this.titleTerms = documents.map((doc) => Int32Array.from(new Set(terms(doc.title)), idOf));
    const idf = (term: string) => Math.log(1 + documents.length / (1 + (this.postings.get(term)?.docs.length ?? 0)));
    this.examples = documents.map((doc) => examplesOf(doc.examples, idOf, idf));
    const byLetter = new Map<string, string[]>();
    for (const term of this.postings.keys()) {
      const letter = term[0] as string;
      const words = byLetter.get(letter);
      if (words) words.push(term);
      else byLetter.set(letter, [term]);
    }
    for (const [letter, words] of byLetter) this.vocabulary.set(letter, letterVocabulary(words));
  }

  /** How many distinct terms are indexed. */
  get vocabularySize(): number {
    return this.postings.size;
  }

  /**
   * Ranked hits, best first. With `complete`, for search as you type, a last word still being
   * typed ("mara") also matches the words it begins.
   */
  search(query: string, limit = 10, options: { complete?: boolean } = {}): SearchHit[] {
    const text = query.slice(0, MAX_QUERY_CHARS);
    const queryTerms = [...new Set(terms(text))];
    if (queryTerms.length === 0) return [];
    const partial = options.complete && !/\s$/.test(text) ? queryTerms[queryTerms.length - 1] : undefined;
    const n = this.docs.length;
    const scores = new Float64Array(n);
    /** Per document, the summed IDF of the query terms it matched. */
    const matchedIdf = new Float64Array(n);
    const best = this.termBest;
    const touched = this.touched;
    let totalIdf = 0;
    let possible = 0;
    /** Every vocabulary term the query matched (by id), with its best similarity, in matchedSimilarity. */
    const similarityOf = this.matchedSimilarity;
    const matchedIds: number[] = [];
    for (const term of queryTerms) {
      const matches = term === partial ? this.withCompletions(term) : this.matchTerm(term);
      // Per document: the best weight x similarity among the matched vocabulary terms (all above zero).
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
      const idf = Math.log(1 + n / (1 + count));
      possible += idf * MAX_TERM_WEIGHT;
      totalIdf += idf;
      for (let i = 0; i < count; i += 1) {
        const doc = touched[i] as number;
        scores[doc] = (scores[doc] as number) + idf * (best[doc] as number);
        matchedIdf[doc] = (matchedIdf[doc] as number) + idf;
        best[doc] = 0;
      }
    }
    try {
      return this.rank(scores, possible, totalIdf, limit).map(({ index, score }) => {
        const doc = this.docs[index] as SearchDocument;
        return { id: doc.id, kind: doc.kind, title: doc.title, confidence: score, breadth: (matchedIdf[index] ?? 0) / totalIdf };
      });
    } finally {
      for (const id of matchedIds) similarityOf[id] = 0;
    }
  }

  /**
   * The best `limit` documents by confidence: the share of the best possible score plus the title
   * and example lifts, with matchedSimilarity holding the query's matched vocabulary.
   */
  private rank(scores: Float64Array, possible: number, queryIdf: number, limit: number): Array<{ index: number; score: number }> {
    const hits: number[] = [];
    for (let index = 0; index < scores.length; index += 1) if ((scores[index] as number) > 0) hits.push(index);
    const titleLifts = hits.map((index) => TITLE_FOCUS * this.titleCoverage(index));
    // The example lift adds at most EXAMPLE_MATCH: a document whose score with its title lift falls
    // short of the limit-th best by more than that cannot make the results, so it is not worked out.
    const cutoff =
      limit > 0 && hits.length > limit
        ? kthLargest(hits.map((index, i) => (scores[index] as number) / possible + (titleLifts[i] as number)), limit) - EXAMPLE_MATCH - 1e-9
        : -Infinity;
    const ranked: Array<{ index: number; score: number }> = [];
    hits.forEach((index, i) => {
      const base = (scores[index] as number) / possible;
      const titleLift = titleLifts[i] as number;
      if (base + titleLift < cutoff) return;
      const lift = titleLift + EXAMPLE_MATCH * this.exampleMatch(index, queryIdf);
      ranked.push({ index, score: base + lift });
    });
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit);
  }

  /** Decides whether the best hit is a clear answer, a close call between strong hits, or no answer. */
  classify(query: string): SearchVerdict {
    const hits = this.search(query, 10);
    const [best, second] = hits;
    if (!best || best.confidence < this.tuning.offer) return { type: 'none', hits: [] };
    const lead = best.confidence - (second?.confidence ?? 0);
    const runnerUpRelated = second !== undefined && this.areRelated(best.id, second.id);
    // An answer must also match most of what was asked: "train times to manchester" shares "train"
    // and "time" with a card about staff training time, but not the word that matters.
    const strong = best.confidence >= this.tuning.answer && best.breadth >= this.tuning.breadth;
    const close = hits.filter((h) => best.confidence - h.confidence <= this.tuning.choiceSpread).slice(0, 3);
    if (strong && (lead >= this.tuning.margin || runnerUpRelated)) return { type: 'answer', best, alternatives: hits.slice(1, 4) };
    // Strong but only narrowly ahead of an unrelated runner-up: too close to call, so ask which.
    if (strong) return { type: 'choices', hits: close };
    // Weak, or matching only part of what was asked: no answer, but the nearest topics are worth naming.
    return { type: 'none', hits: close };
  }

  /** The share of a document's title terms that the query matched: "MARAC" is more about MARAC than "What a good MARAC looks like". */
  private titleCoverage(index: number): number {
    const title = this.titleTerms[index] as Int32Array;
    if (title.length === 0) return 0;
    let hits = 0;
    for (let i = 0; i < title.length; i += 1) if ((this.matchedSimilarity[title[i] as number] as number) > 0) hits += 1;
    return hits / title.length;
  }

  /**
   * 0..1: how closely the query matches the document's nearest example question or synonym phrase,
   * as the rarity-weighted overlap of their words (a cosine over IDF-weighted word sets).
   */
  private exampleMatch(index: number, queryIdf: number): number {
    const { ids, idfs, ends, totals } = this.examples[index] as Examples;
    let best = 0;
    let start = 0;
    for (let e = 0; e < ends.length; e += 1) {
      const end = ends[e] as number;
      let shared = 0;
      let words = 0;
      for (let i = start; i < end; i += 1) {
        const similarity = this.matchedSimilarity[ids[i] as number] as number;
        if (similarity > 0) {
          shared += (idfs[i] as number) * similarity;
          words += 1;
        }
      }
      start = end;
      // One shared word is already in the score; this rewards matching a phrase.
      if (words < 2) continue;
      const similarity = shared / Math.sqrt((totals[e] as number) * queryIdf);
      if (similarity > best) best = similarity;
    }
    return Math.min(best, 1);
  }

  private areRelated(a: string, b: string): boolean {
    const docA = this.byId.get(a);
    const docB = this.byId.get(b);
    return Boolean(docA?.related.includes(b) || docB?.related.includes(a));
  }

  /** A term's matches plus the longer words it begins, counted a little below an exact match. */
  private withCompletions(term: string): Map<string, number> {
    const matches = new Map(this.matchTerm(term));
    if (term.length < MIN_COMPLETION_CHARS) return matches;
    for (const word of this.vocabulary.get(term[0] as string)?.words ?? []) {
      if (word.length > term.length && word.startsWith(term) && !matches.has(word)) matches.set(word, COMPLETION_SIMILARITY);
    }
    return matches;
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
      // fuse.js ranks the close words (Bitap: fewest errors first) and keeps the best few.
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

/** A document's examples as term ids with their IDF; an example of one distinct term is left out, as it can never match a phrase. */
function examplesOf(examples: string[], idOf: (term: string) => number, idf: (term: string) => number): Examples {
  const ids: number[] = [];
  const idfs: number[] = [];
  const ends: number[] = [];
  const totals: number[] = [];
  for (const example of examples) {
    const distinct = [...new Set(terms(example))];
    if (distinct.length < 2) continue;
    let total = 0;
    for (const term of distinct) {
      ids.push(idOf(term));
      idfs.push(idf(term));
      total += idf(term);
    }
    ends.push(ids.length);
    totals.push(total);
  }
  return { ids: Int32Array.from(ids), idfs: Float64Array.from(idfs), ends: Int32Array.from(ends), totals: Float64Array.from(totals) };
}

/** The k-th largest of some values (k >= 1, at most values.length). */
function kthLargest(values: number[], k: number): number {
  // The k largest so far, in descending order: k is small (a page of results), so insertion is cheap.
  const top: number[] = [];
  for (const value of values) {
    if (top.length === k && value <= (top[k - 1] as number)) continue;
    let i = Math.min(top.length, k - 1);
    while (i > 0 && (top[i - 1] as number) < value) {
      top[i] = top[i - 1] as number;
      i -= 1;
    }
    top[i] = value;
  }
  return top[k - 1] as number;
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

/** The most a term can weigh: present in every field. */
const { treeSteps: _, ...CARD_FIELDS } = FIELD_WEIGHTS;
const MAX_TERM_WEIGHT = termWeight(Object.values(CARD_FIELDS));

/**
 * 0..1: edit-distance similarity, raised for words that share a long prefix
 * (collud/collusion). Words must start with the same letter: typos rarely hit
 * the first letter, and without this "charm" would match "harm".
 */
export function termSimilarity(a: string, b: string): number {
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
