/**
 * Which item do questions like this one ask for? Learned from labelled examples, the way Rasa and
 * LUIS learn intents from example utterances: each card's and walk-through's own example
 * questions, title, synonyms and summary, and the workers' questions it answers
 * (content/worker-questions.yaml), read by multinomial naive Bayes over the words that carry
 * meaning and their adjacent pairs.
 *
 * The index (weightedIndex.ts) finds the items that share the question's words; this tells apart
 * the close ones by how workers actually ask for each ("he checks her phone ... is that control"
 * asks for coercive control, not the isolation signs that share its words). Its vote is added to
 * the index's score for the index's own candidates only: it reorders, it never finds.
 *
 * Hand-written because the library's scoring does not fit a turn: wink-naive-bayes-text-classifier
 * scores every label for every question (16 ms median, 100 ms p99 over 214 items, measured); this
 * scores only the ten or so candidates, a few map lookups per word. Training is counting, done
 * when the search is built, so there is no model file to keep current.
 */
import type { Word } from '../language/analyse';
import { carriesMeaning, termOf } from './terms';

/** Add-half (Lidstone) smoothing: a word never seen with an item lowers its chance without ruling it out. */
const SMOOTHING = 0.5;

export interface LabelledQuestion {
  /** The text already read into words (terms.ts searchWords). */
  words: readonly Word[];
  /** The id of the item it asks for. */
  label: string;
}

/** A question's features: its terms (as the index reads them) and each adjacent pair ("see_alone", "text_hour"). */
export function exampleFeatures(words: readonly Word[]): string[] {
  const terms = words.filter((w) => carriesMeaning(w)).map(termOf);
  const features = new Set(terms);
  for (let i = 1; i < terms.length; i += 1) features.add(`${terms[i - 1] as string}_${terms[i] as string}`);
  return [...features];
}

export class ExampleClassifier {
  /** Per feature, per label: how many of the label's examples have it (presence, not count). */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Per label: its examples' features, all told. */
  private readonly totals = new Map<string, number>();

  constructor(examples: Iterable<LabelledQuestion>) {
    for (const { words, label } of examples) {
      const features = exampleFeatures(words);
      this.totals.set(label, (this.totals.get(label) ?? 0) + features.length);
      for (const feature of features) {
        let byLabel = this.counts.get(feature);
        if (!byLabel) this.counts.set(feature, (byLabel = new Map()));
        byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
      }
    }
  }

  /**
   * Each candidate's share (0..1, summing to 1) of the chance that the question asks for one of
   * them, from its words alone: the number of examples each item has is left out, so an item with
   * many workers' questions is not favoured for that. Words never seen in any example say nothing.
   */
  shares(words: readonly Word[], candidates: readonly string[]): number[] {
    const features = exampleFeatures(words).filter((f) => this.counts.has(f));
    const vocabulary = this.counts.size;
    const logLikelihoods = candidates.map((label) => {
      const denominator = Math.log((this.totals.get(label) ?? 0) + SMOOTHING * vocabulary);
      let sum = 0;
      for (const feature of features) sum += Math.log(((this.counts.get(feature) as Map<string, number>).get(label) ?? 0) + SMOOTHING) - denominator;
      return sum;
    });
    const top = Math.max(...logLikelihoods);
    const weights = logLikelihoods.map((l) => Math.exp(l - top));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
  }
}
