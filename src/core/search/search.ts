/**
 * Finds the guidance a worker is asking for, from their own words, and decides whether it has
 * found it.
 *
 * Reading the question (terms.ts, thesaurus.ts):
 *   - words are read as meant (texting forms, dropped g's), lemmatised by wink-nlp, and only the
 *     words that carry meaning are kept (parts of speech, not lists of questions);
 *   - a word the guidance never uses and that is not English is corrected towards the guidance's
 *     own vocabulary (language/spelling.ts: edit distance, dropped letters);
 *   - the sector thesaurus adds the cards' words for workers' words and phrases
 *     ("doesn't want the police" -> police, consent, report).
 *
 * Ranking, two ways, fused:
 *   - BM25 over each card's and tree's fields (MiniSearch), a title or synonym weighing more than
 *     a key point;
 *   - nearest neighbours over the example questions and synonym phrases each item carries: the
 *     way Rasa and LUIS use example utterances as labelled data (also MiniSearch, one document
 *     per example; an item scores by its best example).
 *   The two are combined by their share of each ranking's best score.
 *
 * Deciding (classify): an answer needs the best item to account for enough of what the question
 * says that carries meaning (its rarity-weighted terms; words the guidance never uses count for
 * less, so a long message's names and details do not sink it), and to lead the runner-up.
 * The thresholds were chosen on eval/validation/, never on eval/test/.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { ContentLibrary } from '../content/library';
import type { Card, ThesaurusEntry, Tree } from '../content/schema';
import { plainText } from '../language/analyse';
import { isEnglishWord } from '../language/english';
import { everydayShare } from '../language/frequency';
import { CorrectionVocabulary } from '../language/spelling';
import { carriesMeaning, documentTerms, searchWords, termOf } from './terms';
import { ThesaurusIndex } from './thesaurus';

export interface SearchDocument {
  id: string;
  kind: 'card' | 'tree';
  title: string;
  /** Ids this item names as related; a related runner-up does not make an answer ambiguous. */
  related: string[];
  /** The item's text by field. */
  fields: Record<SearchField, string>;
  /** The example questions and multi-word synonyms a worker might type, each as written. */
  examples: string[];
}

/** Everything the search is built from: the items, and the thesaurus that reads workers' words. */
export interface SearchCorpus {
  documents: SearchDocument[];
  thesaurus: readonly ThesaurusEntry[];
}

/** How much a word counts, by where it appears (MiniSearch field boosts). */
export const FIELD_WEIGHTS = {
  title: 3,
  synonyms: 3,
  questions: 2.5,
  summary: 1.5,
  body: 1,
  /** A tree's step texts: many words, so each counts for less than a card's key points. */
  steps: 0.6,
} as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];
const MAX_FIELD_WEIGHT = Math.max(...Object.values(FIELD_WEIGHTS));
/** An example question counts as much as the questions field. */
const EXAMPLE_FIELD_WEIGHT = FIELD_WEIGHTS.questions / MAX_FIELD_WEIGHT;

export interface SearchHit {
  id: string;
  kind: 'card' | 'tree';
  title: string;
  /** 0..1: the fused score as a share of the best one for this query. */
  confidence: number;
  /** 0..1: the share of the question's meaning (rarity-weighted terms) this item matched. */
  breadth: number;
}

export type SearchVerdict =
  | { type: 'answer'; best: SearchHit; alternatives: SearchHit[] }
  /** Two or more strong contenders, too close to call. */
  | { type: 'choices'; hits: SearchHit[] }
  /** Nothing strong enough; `hits` are the nearest topics worth naming (empty when nothing is even near). */
  | { type: 'none'; hits: SearchHit[] };

/** The decision's values, chosen on eval/validation/. */
export interface SearchTuning {
  /** An answer must account for at least this share of the question's meaning. */
  breadth: number;
  /** ... and match at least this much meaning outright (summed rarity of the terms it matched). */
  evidence: number;
  /** A short question ("marac", "coercive control") is answered on less evidence when the item covers this much of it. */
  focusedBreadth: number;
  focusedEvidence: number;
  /** A runner-up within this share of the best (and unrelated to it) makes it a close call. */
  margin: number;
  /** How much a word the guidance never uses counts, next to the rarest word it does use. */
  unknownWeight: number;
  /**
   * A term counts in full as evidence when it is this much more common in the guidance than in
   * everyday English (as a log ratio); less, in proportion, below that, and not at all when it is
   * no more common there ("password", "lunch").
   */
  topicality: number;
  /** How much the nearest example question counts in the fused ranking, next to BM25. */
  exampleWeight: number;
  /** How much a thesaurus term counts, next to a word typed. */
  thesaurusWeight: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  breadth: 0.1,
  evidence: 4.5,
  focusedBreadth: 0.6,
  focusedEvidence: 0.75,
  topicality: 2,
  margin: 0.05,
  unknownWeight: 0.35,
  exampleWeight: 0.3,
  thesaurusWeight: 0.5,
};

/** Longer terms also match the words they begin ("harass" / "harassment"), and near spellings. */
const PREFIX_FROM = 7;
const FUZZY_FROM = 7;
const FUZZY = 0.2;

/** A question about what something is or means. */
const DEFINITION = /^(?:what(?:'s| is| are|s| does \S+(?: \S+)? mean)|define|definition of|meaning of|explain|tell me about)\b/;
/** How much a walk-through's score keeps for such a question. */
const DEFINITION_TREE_FACTOR = 0.85;
/** A question about what to do: "can I", "should we", "do I have to", "what do I do". */
const DECISION = /^(?:(?:can|should|do|must|may|could) (?:i|we)|what (?:do|should|can) (?:i|we) do|how do (?:i|we) (?:decide|know))\b/;
const DECISION_TREE_FACTOR = 1.1;

/** Up to this many meaningful words, a question is short: a word the guidance never uses counts in full. */
const SHORT_QUESTION_TERMS = 4;

/** How much an item whose title is all the question's words gains in the fused ranking. */
const TITLE_FOCUS = 0.25;

/** Only the start of a very long message is searched: a question fits easily, and a turn's work stays bounded. */
const MAX_QUERY_CHARS = 1000;

/** How many analysed questions are remembered (the compose box asks the same prefixes often). */
const QUERY_CACHE_LIMIT = 2_000;

export function documentsFrom(library: ContentLibrary): SearchCorpus {
  const documents: SearchDocument[] = [];
  for (const card of library.cards.values()) documents.push(cardDocument(card));
  for (const tree of library.trees.values()) documents.push(treeDocument(tree));
  return { documents, thesaurus: library.thesaurus.entries };
}

function searchDocument(item: Card | Tree, kind: SearchDocument['kind'], body: string): SearchDocument {
  return {
    id: item.id,
    kind,
    title: item.title,
    related: item.related,
    fields: {
      title: item.title,
      synonyms: item.search.synonyms.join(' . '),
      questions: item.search.questions.join(' . '),
      summary: item.summary,
      body: kind === 'card' ? body : '',
      steps: kind === 'tree' ? body : '',
    },
    examples: [item.title, ...item.search.questions, ...item.search.synonyms.filter((s) => s.includes(' '))],
  };
}

function cardDocument(card: Card): SearchDocument {
  // Helpline names ("Men's Advice Line", "Rape Crisis") are how people ask for them.
  const contacts = card.contacts.map((c) => c.name);
  return searchDocument(card, 'card', [...card.keyPoints, ...card.nextSteps, ...contacts].join(' '));
}

function treeDocument(tree: Tree): SearchDocument {
  const steps = Object.values(tree.nodes).flatMap((node) => [node.text, ...(node.type === 'question' ? node.options.map((o) => o.label) : [])]);
  return searchDocument(tree, 'tree', steps.join(' '));
}

/** A question as the search reads it. */
interface Question {
  /** Distinct terms to look for, each with its weight (1 typed, less from the thesaurus). */
  terms: Map<string, number>;
  /** The typed terms the guidance uses (after correction), and the typed terms it never uses. */
  known: string[];
  unknown: string[];
  /** "What is MARAC?" asks what something is: a card explains. "Can I report it?" asks what to do: a walk-through decides. */
  definition: boolean;
  decision: boolean;
}

interface Ranked {
  index: number;
  score: number;
  /** The question's terms this item matched, each with the weight of the best field it matched in (0..1). */
  matched: Map<string, number>;
}

export class GuidanceSearch {
  private readonly docs: SearchDocument[];
  private readonly byId: ReadonlyMap<string, number>;
  private readonly cards: MiniSearch<{ id: number } & Record<SearchField, string>>;
  private readonly examples: MiniSearch<{ id: number; doc: number; text: string }>;
  private readonly thesaurus: ThesaurusIndex;
  /** Every term the guidance uses, with its rarity (inverse document frequency over items). */
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** Per term, 0..1: how much it is a word of this work rather than of everyday English (see SearchTuning.topicality). */
  private readonly topical = new Map<string, number>();
  private readonly corrections: CorrectionVocabulary;
  private readonly questions = new Map<string, Question>();
  /** Each item's title terms, for the title lift. */
  private readonly titles: Array<{ terms: string[]; words: number }>;

  constructor(
    corpus: SearchCorpus,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.docs = corpus.documents;
    this.byId = new Map(this.docs.map((doc, i) => [doc.id, i]));
    this.thesaurus = new ThesaurusIndex(corpus.thesaurus);
    // Each text is analysed once: MiniSearch's own tokenizer is replaced by the analysed terms.
    const analysed = new Map<string, string[]>();
    const tokenize = (text: string) => {
      let terms = analysed.get(text);
      if (!terms) analysed.set(text, (terms = documentTerms(text)));
      return terms;
    };
    const options = { tokenize, processTerm: (term: string) => term, searchOptions: { tokenize: (q: string) => q.split(' ').filter(Boolean) } };
    this.cards = new MiniSearch({ fields: FIELDS, ...options });
    this.cards.addAll(this.docs.map((doc, id) => ({ id, ...doc.fields })));
    this.examples = new MiniSearch({ fields: ['text'], storeFields: ['doc'], ...options });
    let n = 0;
    this.examples.addAll(this.docs.flatMap((doc, index) => doc.examples.map((text) => ({ id: n++, doc: index, text }))));

    const df = new Map<string, number>();
    const occurrences = new Map<string, number>();
    let words = 0;
    this.docs.forEach((doc) => {
      const all = FIELDS.flatMap((f) => tokenize(doc.fields[f]));
      for (const term of all) occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
      words += all.length;
      for (const term of new Set(all)) df.set(term, (df.get(term) ?? 0) + 1);
    });
    for (const [term, count] of occurrences) {
      // A short number (a count, a time, a room) says nothing about the topic; 101 and 999 do.
      const ratio = /^\d{1,2}$/.test(term) ? 0 : Math.log(count / words / everydayShare(term));
      this.topical.set(term, Math.min(1, Math.max(0, ratio) / this.tuning.topicality));
    }
    let max = 0;
    for (const [term, count] of df) {
      const idf = Math.log(1 + this.docs.length / count);
      this.idf.set(term, idf);
      if (idf > max) max = idf;
    }
    this.maxIdf = max;
    this.titles = this.docs.map((doc) => ({ terms: [...new Set(tokenize(doc.fields.title))], words: doc.fields.title.split(/\s+/).length }));
    // Misspellings are corrected as typed, before lemmas: towards the words the guidance is written in.
    const written = new Set<string>();
    for (const doc of this.docs) for (const f of FIELDS) for (const word of plainText(doc.fields[f]).match(/[a-z]+/g) ?? []) written.add(word);
    this.corrections = new CorrectionVocabulary(written);
  }

  /** How many distinct terms are indexed. */
  get vocabularySize(): number {
    return this.idf.size;
  }

  /**
   * Ranked hits, best first. With `complete`, for search as you type, a last word still being
   * typed ("mara") also matches the words it begins.
   */
  search(query: string, limit = 10, options: { complete?: boolean } = {}): SearchHit[] {
    const question = this.read(query.slice(0, MAX_QUERY_CHARS));
    if (question.terms.size === 0) return [];
    const complete = options.complete === true && !/\s$/.test(query);
    return this.rank(question, complete)
      .slice(0, limit)
      .map((r, _, all) => this.hit(r, question, (all[0] as Ranked).score));
  }

  /** Decides whether the best hit is a clear answer, a close call between strong hits, or no answer. */
  classify(query: string): SearchVerdict {
    const question = this.read(query.slice(0, MAX_QUERY_CHARS));
    if (question.terms.size === 0) return { type: 'none', hits: [] };
    const ranked = this.rank(question, false);
    const [first, second] = ranked;
    if (!first) return { type: 'none', hits: [] };
    const hits = ranked.slice(0, 4).map((r) => this.hit(r, question, first.score));
    const best = hits[0] as SearchHit;
    const evidence = this.evidence(first, question);
    const strong =
      (best.breadth >= this.tuning.breadth && evidence >= this.tuning.evidence) ||
      (best.breadth >= this.tuning.focusedBreadth && evidence >= this.tuning.focusedEvidence);
    const close = hits.filter((h) => h.confidence >= 1 - this.tuning.margin);
    if (!strong) return { type: 'none', hits: hits.slice(0, 3) };
    const runnerUp = second ? this.docs[second.index]?.id : undefined;
    if (close.length < 2 || (runnerUp !== undefined && this.areRelated(best.id, runnerUp))) {
      return { type: 'answer', best, alternatives: hits.slice(1, 4) };
    }
    return { type: 'choices', hits: close.slice(0, 3) };
  }

  /** Reads a question into weighted terms (see the module comment); remembered, as the same words come back. */
  private read(text: string): Question {
    const cached = this.questions.get(text);
    if (cached) return cached;
    const words = searchWords(text, this.corrections);
    const terms = new Map<string, number>();
    const known: string[] = [];
    const unknown: string[] = [];
    const isKnown = (term: string) => this.idf.has(term);
    for (const word of words) {
      if (!carriesMeaning(word, isKnown)) continue;
      const term = termOf(word);
      if (terms.has(term)) continue;
      terms.set(term, 1);
      (isKnown(term) ? known : unknown).push(term);
    }
    for (const term of this.thesaurus.expand(words.map((w) => w.lemma.replace(/'/g, '')))) {
      if (!terms.has(term)) terms.set(term, this.tuning.thesaurusWeight);
    }
    const plain = plainText(text).trim();
    const question = { terms, known, unknown, definition: DEFINITION.test(plain), decision: DECISION.test(plain) };
    if (this.questions.size >= QUERY_CACHE_LIMIT) this.questions.clear();
    this.questions.set(text, question);
    return question;
  }

  /** Every item that matched, by fused score (BM25 over fields, and the nearest example). */
  private rank(question: Question, complete: boolean): Ranked[] {
    const query = [...question.terms.keys()];
    const searchOptions = {
      boost: FIELD_WEIGHTS,
      boostTerm: (term: string) => question.terms.get(term) ?? 1,
      prefix: (term: string, i: number, all: string[]) => (complete && i === all.length - 1) || term.length >= PREFIX_FROM,
      // A real word is never read as another ("weather" is not "whether"); misspellings were corrected already.
      fuzzy: (term: string) => (term.length >= FUZZY_FROM && !isEnglishWord(term) ? FUZZY : false),
      combineWith: 'OR' as const,
    };
    const ranked = new Map<number, Ranked>();
    const entry = (index: number) => {
      let r = ranked.get(index);
      if (!r) ranked.set(index, (r = { index, score: 0, matched: new Map() }));
      return r;
    };
    const fields = this.cards.search(query.join(' '), searchOptions);
    const topField = fields[0]?.score ?? 1;
    for (const result of fields) {
      const r = entry(result.id as number);
      r.score += result.score / topField;
      for (const [term, fields] of Object.entries(result.match)) {
        const weight = Math.max(...(fields as SearchField[]).map((f) => FIELD_WEIGHTS[f])) / MAX_FIELD_WEIGHT;
        if (weight > (r.matched.get(term) ?? 0)) r.matched.set(term, weight);
      }
    }
    const examples = this.examples.search(query.join(' '), { boostTerm: searchOptions.boostTerm, prefix: searchOptions.prefix, fuzzy: searchOptions.fuzzy, combineWith: 'OR' });
    const bestExample = new Map<number, SearchResult>();
    for (const result of examples) {
      const doc = result.doc as number;
      if (!bestExample.has(doc)) bestExample.set(doc, result);
    }
    const topExample = examples[0]?.score ?? 1;
    for (const [doc, result] of bestExample) {
      const r = entry(doc);
      r.score += (this.tuning.exampleWeight * result.score) / topExample;
      for (const term of Object.keys(result.match)) if (EXAMPLE_FIELD_WEIGHT > (r.matched.get(term) ?? 0)) r.matched.set(term, EXAMPLE_FIELD_WEIGHT);
    }
    // An item whose title is mostly what was asked ("MARAC" for "what is marac") is more about it
    // than one that mentions it ("A lead for MARAC, MAPPA and MATAC").
    for (const r of ranked.values()) {
      if (this.docs[r.index]?.kind === 'tree') r.score *= question.definition ? DEFINITION_TREE_FACTOR : question.decision ? DECISION_TREE_FACTOR : 1;
      const { terms, words } = this.titles[r.index] as { terms: string[]; words: number };
      const covered = terms.filter((t) => question.terms.has(t)).length;
      if (words > 0) r.score += TITLE_FOCUS * Math.min(1, covered / words);
    }
    return [...ranked.values()].sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** The question's meaning, as the rarity of its terms: a word the guidance never uses counts for less. */
  private meaning(question: Question): number {
    // In a short question every word is the topic ("the weather tomorrow"); in a long one, words the
    // guidance never uses are mostly names and details of the situation.
    const long = question.known.length + question.unknown.length > SHORT_QUESTION_TERMS;
    let total = question.unknown.length * (long ? this.tuning.unknownWeight : 1) * this.maxIdf;
    for (const term of question.known) total += this.idf.get(term) ?? 0;
    return total;
  }

  /**
   * How much of the question's meaning an item matched outright: the summed rarity of the terms
   * it matched, each by the best field it matched in and by how much it is a word of this work.
   * A word in a title, synonym or example question says what the item is about; a word only in
   * its body ("fire door", "the rota") says little, and an everyday word ("password", "lunch")
   * says little wherever it is.
   */
  private evidence(ranked: Ranked, question: Question): number {
    let matched = 0;
    for (const [term, field] of ranked.matched) matched += (this.idf.get(term) ?? 0) * (question.terms.get(term) ?? 0) * field * (this.topical.get(term) ?? 0);
    return matched;
  }

  private hit(ranked: Ranked, question: Question, top: number): SearchHit {
    const doc = this.docs[ranked.index] as SearchDocument;
    const meaning = this.meaning(question);
    let matched = 0;
    for (const term of ranked.matched.keys()) if (question.known.includes(term)) matched += this.idf.get(term) ?? 0;
    return {
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      confidence: top > 0 ? ranked.score / top : 0,
      breadth: meaning > 0 ? Math.min(1, matched / meaning) : 0,
    };
  }

  private areRelated(a: string, b: string): boolean {
    const docA = this.docs[this.byId.get(a) ?? -1];
    const docB = this.docs[this.byId.get(b) ?? -1];
    return Boolean(docA?.related.includes(b) || docB?.related.includes(a));
  }
}

