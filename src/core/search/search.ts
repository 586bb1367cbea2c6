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
 * Ranking (weightedIndex.ts): rarity-weighted terms over each item's fields, a title or synonym
 * weighing more than a key point, lifted by the nearest example question or synonym phrase the
 * item carries (its labelled examples, as Rasa and LUIS use example utterances) and by a title
 * that is mostly the question's words. A question about what something is prefers a card; one
 * about what to do, a walk-through. Issue 12 first built the ranking on MiniSearch (BM25 over the
 * same fields fused with nearest examples; commit 8186047): on the validation questions it ranked
 * no better (80.1% top-1 against 80.4%) at several times the cost (p99 about 7 ms against under
 * 1 ms), so this hand-written index was kept (bench/compare.ts has MiniSearch out of the box).
 *
 * Deciding (classify): first, is the question about domestic abuse at all? The scope check
 * (scope.ts) is learned from the cards' own words against examples of questions not covered
 * (content/out-of-scope.yaml); a question it reads as out of scope gets the honest fallback. Then
 * an answer needs the best item to account for enough of what the question says that carries
 * meaning (breadth: its rarity-weighted terms, words the guidance never uses counting for less in
 * a long message, so its names and details do not sink it), to have matched enough outright
 * (evidence: rarity x the field matched x how much a word belongs to this work rather than
 * everyday English), and to lead an unrelated runner-up. Before the scope check, evidence alone
 * had to keep off-topic questions out, and the bar it needed (4) turned away long and messy
 * questions in scope; with it the bar is 1.5. The values were chosen on eval/validation/, never
 * on eval/test/.
 */
import type { ContentLibrary } from '../content/library';
import type { Card, ThesaurusEntry, Tree } from '../content/schema';
import { plainText, type Word } from '../language/analyse';
import { isEnglishWord } from '../language/english';
import { everydayShare } from '../language/frequency';
import { CorrectionVocabulary } from '../language/spelling';
import { askingPart, carriesMeaning, documentTerms, questionsIn, readQuestion, searchWords, termOf } from './terms';
import { ExampleClassifier } from './exampleClassifier';
import { ScopeCheck } from './scope';
import { ThesaurusIndex } from './thesaurus';
import { WeightedIndex } from './weightedIndex';

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
  /** Workers' questions this item answers (content/worker-questions.yaml), each as typed. */
  asked: string[];
}

/** Everything the search is built from: the items, and the thesaurus that reads workers' words. */
export interface SearchCorpus {
  documents: SearchDocument[];
  thesaurus: readonly ThesaurusEntry[];
  /** Questions Waypoint does not cover, for the scope check (none: every question is taken as in scope). */
  outOfScope?: readonly string[];
}

/** How much a word counts, by where it appears. */
export const FIELD_WEIGHTS = {
  title: 3,
  synonyms: 3,
  questions: 2.5,
  /** Workers' questions this item answers (content/worker-questions.yaml), counted as its own questions are. */
  asked: 2.5,
  summary: 1.5,
  body: 1,
  /** A tree's step texts: many words, so each counts for less than a card's key points. */
  steps: 0.6,
} as const;
export type SearchField = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];
/**
 * The guidance's own fields. Workers' questions are indexed, but the words the guidance is written
 * in are these: what makes a word a word of this work (topicality), and what a misspelling is
 * corrected towards, come from them alone, not from everyday words and typos in workers' messages.
 */
const GUIDANCE_FIELDS = FIELDS.filter((f) => f !== 'asked');

export interface SearchHit {
  id: string;
  kind: 'card' | 'tree';
  title: string;
  /** 0..1: the score as a share of the best hit's for this query. */
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
  /** How much a thesaurus term counts, next to a word typed. */
  thesaurusWeight: number;
  /**
   * A question is about domestic abuse when the scope check's log2 odds (scope.ts, from its words
   * alone) are above this. On validation every value from 3 to 6 turned away every off-topic
   * question and gave the same figures in scope. Held out four ways, 5 keeps 94.8% of workers'
   * questions (content/worker-questions.yaml) and turns away 97.0% of questions not covered
   * (content/out-of-scope.yaml); the two kinds of mistake meet at 4 (96.3% each). A question
   * turned away here may still be answered on the terse rule, so 5 was kept.
   */
  scope: number;
  /**
   * ... or above this much for each word that carries meaning, when that is less: the odds are a
   * sum over the question's words, so a question of three words cannot build the odds of one of
   * twenty ("clare's law request": 4.8). Chosen held out on eval/examples/ (each batch of workers'
   * questions taken out of the search it was asked of): at 0.8, questions in scope that found
   * nothing went from 186 to 159 of 5,938 and the blind off-topic set (search-offtopic-8) still
   * turned away 283 of 298; at 0.7, 148 and 281; validation was level at every value from 0.3 to 2.
   */
  scopePerTerm: number;
  /**
   * How much the labelled examples' vote (exampleClassifier.ts: each candidate's share, 0..1) adds
   * to an index score taken as a share of the best. Chosen on validation (0.2 of 0.1-1: 86.1% top-1
   * without the vote, 88.5% with it); with each helper batch of workers' questions held out in
   * turn, the vote added 2.5 to 3 points of top-1 at any weight from 0.2 to 0.5.
   */
  exampleVote: number;
  /**
   * How much a word counts when it is only in the sentences that tell the situation, in a message
   * that also has sentences that ask ("He checks her phone every night ... How should I write this
   * up?"): the asking says what the worker wants; the telling, who and what happened. Chosen on
   * validation (0.5 of 0.2-1: top-1 88.5% -> 89.3%); with each helper batch of workers' questions
   * held out, top-1 rose 1.2 points on two batches (cards 84.9% -> 86.1%, messy 74.0% -> 75.2%) and
   * held on the other two (0.3 up, and level). The examples' lift still weighs every word in full
   * (WeightedIndex.query's phraseWeights): weighing the telling less there too ranked no better
   * and loosened the lift's bound, so that a question at 10,000 cards took 5.5 ms at p99, not 3.6.
   */
  context: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  breadth: 0.1,
  evidence: 1.5,
  focusedBreadth: 0.6,
  focusedEvidence: 0.75,
  topicality: 2,
  margin: 0.05,
  unknownWeight: 0.35,
  thesaurusWeight: 0.15,
  scope: 5,
  scopePerTerm: 0.8,
  exampleVote: 0.2,
  context: 0.5,
};

/** A question about what something is or means. */
const DEFINITION = /^(?:what(?:'s| is| are|s| does \S+(?: \S+)? mean)|define|definition of|meaning of|explain|tell me about)\b/;
/** How much a walk-through's score keeps for such a question. */
const DEFINITION_TREE_FACTOR = 0.85;
/** A question about what to do: "can I", "should we", "do I have to", "what do I do". */
const DECISION = /^(?:(?:can|should|do|must|may|could) (?:i|we)|what (?:do|should|can) (?:i|we) do|how do (?:i|we) (?:decide|know))\b/;
const DECISION_TREE_FACTOR = 1.1;

/** Up to this many meaningful words, a question that matches one item closely needs only scope odds above TERSE_SCOPE. */
const TERSE_QUESTION_TERMS = 2;
const TERSE_SCOPE = 0;

/**
 * A part of a message that asks (terms.ts questionsIn), judged on its own when the whole message
 * found nothing, must have this many meaningful words and scope odds above this. Chosen held out on
 * eval/examples/ and a blind batch of 642 workers' messages (a third of them two things at once):
 * at 12, 25 of that batch's 56 that found nothing were answered (24 right at top-1) and 3 of the
 * blind off-topic set's 298 were let in; at 8, about 30 and 6; at 5, about 33 and 10.
 */
const SEVERAL_QUESTIONS_TERMS = 3;
const SEVERAL_QUESTIONS_SCOPE = 12;

/** Up to this many meaningful words, a question is short: a word the guidance never uses counts in full. */
const SHORT_QUESTION_TERMS = 4;

/** How many items the index ranks before the walk-through factors are applied and the list is cut. */
const RANK_DEPTH = 10;

/** Only the start of a very long message is searched: a question fits easily, and a turn's work stays bounded. */
const MAX_QUERY_CHARS = 1000;


export function documentsFrom(library: ContentLibrary): SearchCorpus {
  const asked = new Map<string, string[]>();
  for (const { q, answer } of library.workerQuestions.questions) {
    const questions = asked.get(answer);
    if (questions) questions.push(q);
    else asked.set(answer, [q]);
  }
  const documents: SearchDocument[] = [];
  for (const card of library.cards.values()) documents.push(withAsked(cardDocument(card), asked.get(card.id)));
  for (const tree of library.trees.values()) documents.push(withAsked(treeDocument(tree), asked.get(tree.id)));
  return { documents, thesaurus: library.thesaurus.entries, outOfScope: library.outOfScope.examples };
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
      asked: '',
      body: kind === 'card' ? body : '',
      steps: kind === 'tree' ? body : '',
    },
    examples: [item.title, ...item.search.questions, ...item.search.synonyms.filter((s) => s.includes(' '))],
    asked: [],
  };
}

/**
 * An item with the workers' questions it answers (content/worker-questions.yaml): indexed as a
 * field of their own, and examples for the scope check. They are not nearest examples for the
 * ranking's lift as the item's own questions are: on validation that ranked no better (82.9%
 * top-1 against 83.7%) and made a question about a fifth dearer, as many are long messages.
 */
function withAsked(doc: SearchDocument, questions: string[] = []): SearchDocument {
  if (questions.length === 0) return doc;
  return { ...doc, fields: { ...doc.fields, asked: questions.join(' . ') }, asked: questions };
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
  /** The same terms as ranked: a word only in the sentences that tell the situation counts for less (SearchTuning.context). */
  ranking: Map<string, number>;
  /** The typed terms the guidance uses (after correction), and the typed terms it never uses. */
  known: string[];
  unknown: string[];
  /** The terms the thesaurus added: the guidance's own words, matched exactly. */
  expanded: Set<string>;
  /** Terms matched exactly, not fuzzily: the thesaurus's, and (see read) real words. */
  exact: Set<string>;
  /** The last typed term, which the compose box may still be typing. */
  last?: string;
  /** "What is MARAC?" asks what something is: a card explains. "Can I report it?" asks what to do: a walk-through decides. */
  definition: boolean;
  decision: boolean;
  /** The words as read (lemmas and parts of speech), for the scope check. */
  words: Word[];
  /** The message as read (texting forms and misspellings as meant), for finding the questions in it. */
  text: string;
}

interface Ranked {
  index: number;
  score: number;
  /** The vocabulary terms this item matched, each by its weight there (0..1) x similarity x the query term's weight. */
  matched: Map<string, number>;
  /** The question's own terms that matched (exactly or fuzzily). */
  typed: Set<string>;
}

export class GuidanceSearch {
  private readonly docs: SearchDocument[];
  private readonly byId: ReadonlyMap<string, number>;
  private readonly index: WeightedIndex;
  private readonly thesaurus: ThesaurusIndex;
  /** Every term the guidance uses, with its rarity (inverse document frequency over items). */
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** Per term, 0..1: how much it is a word of this work rather than of everyday English (see SearchTuning.topicality). */
  private readonly topical = new Map<string, number>();
  private readonly corrections: CorrectionVocabulary;
  private readonly scope?: ScopeCheck;
  private readonly examples: ExampleClassifier;

  constructor(
    corpus: SearchCorpus,
    private readonly tuning: SearchTuning = DEFAULT_TUNING,
  ) {
    this.docs = corpus.documents;
    this.byId = new Map(this.docs.map((doc, i) => [doc.id, i]));
    this.thesaurus = new ThesaurusIndex(corpus.thesaurus);
    // Each text is analysed once (the same synonym or title can recur).
    const analysed = new Map<string, string[]>();
    const tokenize = (text: string) => {
      let terms = analysed.get(text);
      if (!terms) analysed.set(text, (terms = documentTerms(text)));
      return terms;
    };
    this.index = new WeightedIndex(
      this.docs.map((doc) => ({
        fields: FIELDS.map((f) => ({ terms: tokenize(doc.fields[f]), weight: FIELD_WEIGHTS[f] })),
        title: tokenize(doc.fields.title),
        examples: doc.examples.map(tokenize),
      })),
      FIELDS.map((f) => FIELD_WEIGHTS[f]),
    );

    const df = new Map<string, number>();
    const occurrences = new Map<string, number>();
    let words = 0;
    this.docs.forEach((doc) => {
      const guidance = GUIDANCE_FIELDS.flatMap((f) => tokenize(doc.fields[f]));
      for (const term of guidance) occurrences.set(term, (occurrences.get(term) ?? 0) + 1);
      words += guidance.length;
      for (const term of new Set([...guidance, ...tokenize(doc.fields.asked)])) df.set(term, (df.get(term) ?? 0) + 1);
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
    // Misspellings are corrected as typed, before lemmas: towards the words the guidance is written in.
    const written = new Set<string>();
    for (const doc of this.docs) for (const f of GUIDANCE_FIELDS) for (const word of plainText(doc.fields[f]).match(/[a-z]+/g) ?? []) written.add(word);
    this.corrections = new CorrectionVocabulary(written);
    // Each item's labelled questions, read once: what the examples' vote and the scope check learn from.
    const labelled = this.docs.flatMap((doc) => [...new Set([...doc.examples, ...doc.asked, doc.fields.summary])].map((text) => ({ words: searchWords(text), label: doc.id })));
    this.examples = new ExampleClassifier(labelled);
    const outOfScope = corpus.outOfScope ?? [];
    // The scope check learns what is covered from what workers ask, not from the situations they
    // tell: a long message's names, days and rotas are everyday words, and read as covered they let
    // questions about the rota in. On the blind off-topic set (eval/examples/search-offtopic-8),
    // with every sentence read, 267 of 298 were turned away; with the asking sentences only, 283,
    // and in-scope questions that found nothing went from 7 to 18 of 642 on a blind set
    // (search-voices-measure) and stayed at none of 252 on validation.
    const covered = this.docs.flatMap((doc) => [...new Set([...doc.examples, doc.fields.summary, ...doc.asked.map(askingPart)])].map((text) => searchWords(text)));
    if (outOfScope.length > 0) this.scope = new ScopeCheck(covered, outOfScope.map((text) => searchWords(text)));
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
    const meaning = this.meaning(question);
    return this.rank(question, complete, limit).map((r, _, all) => this.hit(r, question, (all[0] as Ranked).score, meaning));
  }

  /**
   * Decides whether the best hit is a clear answer, a close call between strong hits, or no answer.
   * A message that finds nothing as a whole may ask two things, one of them about abuse ("can I
   * book leave over Christmas? and should DA training be compulsory?"): the everyday half pulls the
   * scope check's odds down. Then each part that asks is judged on its own, on a far higher scope bar
   * (SEVERAL_QUESTIONS_SCOPE, with no allowance for few words), and the first one answered is.
   */
  classify(query: string): SearchVerdict {
    const question = this.read(query.slice(0, MAX_QUERY_CHARS));
    const verdict = this.judge(question, { scope: this.tuning.scope, perTerm: this.tuning.scopePerTerm });
    if (verdict.type !== 'none') return verdict;
    for (const part of questionsIn(question.text)) {
      const asked = this.read(part);
      if (asked.known.length + asked.unknown.length < SEVERAL_QUESTIONS_TERMS) continue;
      const answer = this.judge(asked, { scope: SEVERAL_QUESTIONS_SCOPE, perTerm: Number.POSITIVE_INFINITY, terse: false });
      if (answer.type === 'answer') return answer;
    }
    return verdict;
  }

  /** classify's decision for a question read, on the given scope bars (see SearchTuning.scope and scopePerTerm). */
  private judge(question: Question, bars: { scope: number; perTerm: number; terse?: boolean }): SearchVerdict {
    if (question.terms.size === 0) return { type: 'none', hits: [] };
    // Not about domestic abuse: the honest fallback, without naming topics it is not about. A word
    // or two gives the scope check little to go on (a rare acronym, misspelled, is seen once or
    // never): when they match one item closely, odds for the question that are merely not against
    // it are enough ("marrac" is answered; "petty cash", which the examples not covered name, is not).
    // Odds under both bars need no ranking at all.
    const scope = this.scope?.odds(this.asMatched(question));
    const floor = bars.terse === false ? bars.scope : Math.min(TERSE_SCOPE, bars.scope);
    if (scope !== undefined && scope <= floor) return { type: 'none', hits: [] };
    const ranked = this.rank(question, false, 4);
    const [first, second] = ranked;
    if (!first) return { type: 'none', hits: [] };
    const meaning = this.meaning(question);
    const hits = ranked.map((r) => this.hit(r, question, first.score, meaning));
    const best = hits[0] as SearchHit;
    const evidence = this.evidence(first, question);
    const focused = best.breadth >= this.tuning.focusedBreadth && evidence >= this.tuning.focusedEvidence;
    const strong = (best.breadth >= this.tuning.breadth && evidence >= this.tuning.evidence) || focused;
    // A question that matches an item strongly in few words needs odds in proportion to its words.
    const meaningful = question.known.length + question.unknown.length;
    const terse = bars.terse !== false && focused && meaningful <= TERSE_QUESTION_TERMS;
    const bar = terse ? TERSE_SCOPE : strong ? Math.min(bars.scope, bars.perTerm * meaningful) : bars.scope;
    if (scope !== undefined && scope <= bar) return { type: 'none', hits: [] };
    const close = hits.filter((h) => h.confidence >= 1 - this.tuning.margin);
    if (!strong) return { type: 'none', hits: hits.slice(0, 3) };
    const runnerUp = second ? this.docs[second.index]?.id : undefined;
    if (close.length < 2 || (runnerUp !== undefined && this.areRelated(best.id, runnerUp))) {
      return { type: 'answer', best, alternatives: hits.slice(1, 4) };
    }
    return { type: 'choices', hits: close.slice(0, 3) };
  }

  /** Reads a question into weighted terms (see the module comment). Nothing typed is kept afterwards. */
  private read(text: string): Question {
    const { text: read, words, asking } = readQuestion(text, this.corrections);
    const terms = new Map<string, number>();
    const known: string[] = [];
    const unknown: string[] = [];
    const isKnown = (term: string) => this.idf.has(term);
    // Each word's term, by whether its sentence asks or tells (all ask in a message of one kind).
    const askedTerms = new Set<string>();
    const toldTerms = new Set<string>();
    words.forEach((word, i) => {
      if (!carriesMeaning(word, isKnown)) return;
      const term = termOf(word);
      (asking === undefined || asking[i] === true ? askedTerms : toldTerms).add(term);
      if (terms.has(term)) return;
      terms.set(term, 1);
      (isKnown(term) ? known : unknown).push(term);
    });
    // A word only in the sentences that tell the situation counts for less, unless the asking
    // sentences name nothing the guidance talks about ("What should I do now?").
    const tellingLess = toldTerms.size > 0 && [...askedTerms].some(isKnown);
    const expanded = new Set<string>();
    for (const term of this.thesaurus.expand(words.map((w) => w.lemma.replace(/'/g, '')))) {
      if (terms.has(term)) continue;
      terms.set(term, this.tuning.thesaurusWeight);
      expanded.add(term);
    }
    // Read as meant, so "wots an idva" asks what something is as "what's an idva" does.
    const plain = read.trim();
    // Fuzzy matching is for what is not a word: a real word is matched as itself ("weather" is not
    // "whether"), and a misspelling was corrected towards the guidance's words already.
    const exact = new Set(expanded);
    for (const term of terms.keys()) if (isEnglishWord(term)) exact.add(term);
    const onlyTold = (term: string) => toldTerms.has(term) && !askedTerms.has(term);
    const ranking = tellingLess ? new Map([...terms].map(([term, weight]) => [term, onlyTold(term) ? weight * this.tuning.context : weight])) : terms;
    const question = { terms, ranking, known, unknown, expanded, exact, last: lastTyped(words, terms), definition: DEFINITION.test(plain), decision: DECISION.test(plain), words, text: read };
    return question;
  }

  /**
   * The question's words as the index matched them: a word the guidance never uses and that is not
   * English ("marrac") read as the guidance word it matched fuzzily ("marac"), so the scope check
   * judges the word the search found rather than one it has never seen.
   */
  private asMatched(question: Question): Word[] {
    return question.words.map((word) => {
      const term = termOf(word);
      if (this.idf.has(term) || question.exact.has(term) || !question.terms.has(term)) return word;
      const closest = this.index.closest(term);
      return closest ? { ...word, lemma: closest } : word;
    });
  }

  /**
   * The best items for a question (the weighted index, with its title and nearest-example lifts),
   * each with what it matched: the vocabulary terms, each by the share of the most a term can
   * weigh that it has in this item, times the match's similarity and the query term's weight.
   */
  private rank(question: Question, complete: boolean, limit: number): Ranked[] {
    const partial = complete ? question.last : undefined;
    const hits = this.index.query(question.ranking, Math.max(limit, RANK_DEPTH), { partial, exact: question.exact, phraseWeights: question.terms });
    for (const hit of hits) {
      // "What is MARAC?" wants the card that explains it; "can I report it?" the walk-through that decides.
      if (this.docs[hit.index]?.kind === 'tree') hit.score *= question.definition ? DEFINITION_TREE_FACTOR : question.decision ? DECISION_TREE_FACTOR : 1;
    }
    // The labelled examples' vote among the index's candidates, added to each one's share of the best score.
    const top = Math.max(...hits.map((h) => h.score));
    const votes = this.examples.shares(question.words, hits.map((h) => (this.docs[h.index] as SearchDocument).id));
    hits.forEach((hit, i) => {
      hit.score = hit.score / top + this.tuning.exampleVote * (votes[i] as number);
    });
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return hits.slice(0, limit).map((hit) => ({ ...hit, ...this.index.explain(hit.index, question.terms, question.exact) }));
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
    for (const [term, value] of ranked.matched) matched += (this.idf.get(term) ?? 0) * value * (this.topical.get(term) ?? 0);
    return matched;
  }

  /** A ranked item as a hit; `meaning` is the question's (see meaning), worked out once per question. */
  private hit(ranked: Ranked, question: Question, top: number, meaning: number): SearchHit {
    const doc = this.docs[ranked.index] as SearchDocument;
    let matched = 0;
    for (const term of ranked.typed) if (question.known.includes(term)) matched += this.idf.get(term) ?? 0;
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


/** The term of the last word typed, if it is one of the question's terms. */
function lastTyped(words: Word[], terms: ReadonlyMap<string, number>): string | undefined {
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const term = termOf(words[i] as Word);
    if (terms.has(term)) return term;
  }
  return undefined;
}
