/**
 * Finds the guidance a worker is asking for, from their own words.
 *
 * How it ranks: every card and tree is indexed as weighted terms (a word in a
 * title or a search synonym counts for more than one in a key point). Each
 * query term is matched against the whole vocabulary: exactly, or fuzzily
 * with fuse.js so typos and variants still land ("safegaurding", "marrac",
 * "humor"). A fuse.js match is then checked by edit distance and shared
 * prefix, because Bitap matching alone would let "rent" match "parent".
 * Rare terms count for more than common ones (inverse document frequency).
 * Two small lifts break near-ties: an item whose title is mostly made of the
 * query's words, and one whose example question or synonym phrase shares
 * several of the query's words (a phrase, not a single word). The result's
 * confidence is its share of the best score the query could get, and its
 * breadth the share of the query's words it matched, so replies can tell a
 * clear answer from a guess.
 *
 * Matching fuzzily against the vocabulary, rather than against every
 * document, keeps a search cheap however many cards there are: the
 * vocabulary grows far more slowly than the corpus.
 */
import Fuse from 'fuse.js';
import { distance } from 'fastest-levenshtein';
import type { ContentLibrary } from '../content/library';
import type { Card, Tree } from '../content/schema';
import { terms } from './text';

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
  /** term -> (document index -> weight of the term in that document) */
  private readonly postings = new Map<string, Map<number, number>>();
  /** The vocabulary for fuzzy matching, split by first letter (a match must share it; see termSimilarity). */
  private readonly vocabulary = new Map<string, Fuse<string>>();
  /** The same vocabulary as plain word lists, for completing a half-typed word. */
  private readonly words: ReadonlyMap<string, string[]>;
  /** Each document's title terms, for the title-focus bonus. */
  private readonly titleTerms: Array<Set<string>>;
  /** Each document's examples, each as its distinct terms with their rarity (IDF). */
  private readonly exampleTerms: Array<Array<Array<{ term: string; idf: number }>>>;
  /** Query term -> matched vocabulary terms. The vocabulary never changes, so this only ever grows, up to a cap. */
  private readonly termMatches = new Map<string, Map<string, number>>();

  constructor(
    documents: SearchDocument[],
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.docs = documents;
    this.byId = new Map(documents.map((doc) => [doc.id, doc]));
    this.titleTerms = documents.map((doc) => new Set(terms(doc.title)));
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
        let posting = this.postings.get(term);
        if (!posting) this.postings.set(term, (posting = new Map()));
        posting.set(index, termWeight(weights));
      }
    });
    const idf = (term: string) => Math.log(1 + documents.length / (1 + (this.postings.get(term)?.size ?? 0)));
    this.exampleTerms = documents.map((doc) =>
      doc.examples.map((example) => [...new Set(terms(example))].map((term) => ({ term, idf: idf(term) }))).filter((e) => e.length > 0),
    );
    const byLetter = new Map<string, string[]>();
    for (const term of this.postings.keys()) {
      const letter = term[0] as string;
      const words = byLetter.get(letter);
      if (words) words.push(term);
      else byLetter.set(letter, [term]);
    }
    this.words = byLetter;
    for (const [letter, words] of byLetter) {
      this.vocabulary.set(letter, new Fuse(words, { includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 3 }));
    }
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
    let totalIdf = 0;
    let possible = 0;
    /** Every vocabulary term the query matched, with its best similarity. */
    const matchedVocabulary = new Map<string, number>();
    for (const term of queryTerms) {
      const matches = term === partial ? this.withCompletions(term) : this.matchTerm(term);
      for (const [vocabTerm, similarity] of matches) {
        if (similarity > (matchedVocabulary.get(vocabTerm) ?? 0)) matchedVocabulary.set(vocabTerm, similarity);
      }
      // Per document: the best weight x similarity among the matched vocabulary terms.
      const perDoc = new Map<number, number>();
      for (const [vocabTerm, similarity] of matches) {
        for (const [doc, weight] of this.postings.get(vocabTerm) ?? []) {
          const value = weight * similarity;
          if (value > (perDoc.get(doc) ?? 0)) perDoc.set(doc, value);
        }
      }
      const idf = Math.log(1 + n / (1 + perDoc.size));
      possible += idf * MAX_TERM_WEIGHT;
      totalIdf += idf;
      for (const [doc, value] of perDoc) {
        scores[doc] = (scores[doc] ?? 0) + idf * value;
        matchedIdf[doc] = (matchedIdf[doc] ?? 0) + idf;
      }
    }
    const ranked: Array<{ index: number; score: number }> = [];
    scores.forEach((score, index) => {
      if (score <= 0) return;
      const lift = TITLE_FOCUS * this.titleCoverage(index, matchedVocabulary) + EXAMPLE_MATCH * this.exampleMatch(index, matchedVocabulary, totalIdf);
      ranked.push({ index, score: score / possible + lift });
    });
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    return ranked.slice(0, limit).map(({ index, score }) => {
      const doc = this.docs[index] as SearchDocument;
      return { id: doc.id, kind: doc.kind, title: doc.title, confidence: score, breadth: (matchedIdf[index] ?? 0) / totalIdf };
    });
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
  private titleCoverage(index: number, matched: ReadonlyMap<string, number>): number {
    const title = this.titleTerms[index] as Set<string>;
    if (title.size === 0) return 0;
    let hits = 0;
    for (const term of title) if (matched.has(term)) hits += 1;
    return hits / title.size;
  }

  /**
   * 0..1: how closely the query matches the document's nearest example question or synonym phrase,
   * as the rarity-weighted overlap of their words (a cosine over IDF-weighted word sets).
   */
  private exampleMatch(index: number, matched: ReadonlyMap<string, number>, queryIdf: number): number {
    let best = 0;
    for (const example of this.exampleTerms[index] ?? []) {
      let shared = 0;
      let total = 0;
      let words = 0;
      for (const { term, idf } of example) {
        const similarity = matched.get(term) ?? 0;
        total += idf;
        shared += idf * similarity;
        if (similarity > 0) words += 1;
      }
      // One shared word is already in the score; this rewards matching a phrase.
      if (words < 2) continue;
      const similarity = shared / Math.sqrt(total * queryIdf);
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
    for (const word of this.words.get(term[0] as string) ?? []) {
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
      for (const { item } of this.vocabulary.get(term[0] as string)?.search(term, { limit: 12 }) ?? []) {
        if (item === term) continue;
        const similarity = termSimilarity(term, item);
        if (similarity >= MIN_TERM_SIMILARITY) matches.set(item, similarity);
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
