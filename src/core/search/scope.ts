/**
 * Is a question about domestic abuse at all? Learned from labelled examples, the way Rasa keeps an
 * out-of-scope intent: the cards' and walk-throughs' own titles, summaries and example questions
 * on one side, and questions Waypoint does not cover (content/out-of-scope.yaml: benefits, repairs,
 * the rota, "challenge a parking fine") on the other, read by naive Bayes (language/classifier.ts).
 *
 * The search's ranking finds the nearest card to anything, and the words a question shares with
 * the guidance ("rent", "police", "fire door") do not say whether it is about abuse; before this
 * check, the answer gate had to demand a lot of matched meaning to keep off-topic questions out,
 * and so turned away long and messy questions that were in scope. With it, the gate can ask less.
 */
import type { Word } from '../language/analyse';
import { TextClassifier } from '../language/classifier';

type Scope = 'in' | 'out';

/** Parts of speech that say nothing about what a question is about. */
const NOT_CONTENT = new Set(['PUNCT', 'SYM', 'SPACE', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'AUX', 'NUM']);

/** A question's features for the scope check: the lemmas of its content words (pronouns kept: "he ... her" is telling), and their pairs. */
export function scopeFeatures(words: readonly Word[]): string[] {
  const lemmas = words.filter((w) => !NOT_CONTENT.has(w.pos)).map((w) => w.lemma.replace(/'/g, ''));
  const features = [...lemmas];
  // Pairs tell "fire door" from "set fire" and "partner agency" from "her partner".
  for (let i = 1; i < lemmas.length; i += 1) features.push(`${lemmas[i - 1]}_${lemmas[i]}`);
  return features;
}

export class ScopeCheck {
  private readonly classifier: TextClassifier<Scope>;

  /** `covered` and `notCovered` are texts already read into words (see terms.ts searchWords). */
  constructor(covered: Iterable<readonly Word[]>, notCovered: Iterable<readonly Word[]>) {
    const examples = function* () {
      for (const words of covered) yield { features: scopeFeatures(words), label: 'in' as const };
      for (const words of notCovered) yield { features: scopeFeatures(words), label: 'out' as const };
    };
    this.classifier = TextClassifier.trained(examples());
  }

  /**
   * The log2 odds that a question is about what Waypoint covers, from its words alone: the share of
   * examples on each side is left out, so adding workers' questions or questions not covered does
   * not move the bar (0 when none of its words was seen).
   */
  odds(words: readonly Word[]): number {
    return this.classifier.evidence(scopeFeatures(words), 'in');
  }
}
