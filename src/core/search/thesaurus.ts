/**
 * The sector thesaurus (content/thesaurus.yaml) put to work: when a worker's message contains
 * one of an entry's `say` forms, the search also looks for its `means` words. Forms are matched
 * as lemma sequences, so "doesn't want the police" also matches "she doesnt want police" and
 * "did not want the police": both sides are read the same way (terms.ts) and articles are
 * skipped on both.
 */
import type { ThesaurusEntry } from '../content/schema';
import { carriesMeaning, searchWords, termOf } from './terms';

/** Words skipped on both sides when matching a phrase. */
const SKIPPED = new Set(['the', 'a', 'an']);

interface Form {
  lemmas: string[];
  means: string[];
}

export class ThesaurusIndex {
  /** First lemma of a form -> the forms that start with it, longest first. */
  private readonly byFirst = new Map<string, Form[]>();

  constructor(entries: readonly ThesaurusEntry[]) {
    for (const entry of entries) {
      const means = searchWords(entry.means).filter((w) => carriesMeaning(w)).map(termOf);
      for (const say of entry.say) {
        const lemmas = phraseLemmas(say);
        const first = lemmas[0];
        if (!first || means.length === 0) continue;
        const list = this.byFirst.get(first) ?? [];
        list.push({ lemmas, means });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.lemmas.length - a.lemmas.length);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirst.values()) n += list.length;
    return n;
  }

  /** The `means` terms of every form found in a message's lemmas (in order, once each). */
  expand(lemmas: readonly string[]): string[] {
    const seq = lemmas.filter((l) => !SKIPPED.has(l));
    const found: string[] = [];
    for (let i = 0; i < seq.length; i += 1) {
      for (const form of this.byFirst.get(seq[i] as string) ?? []) {
        if (form.lemmas.every((lemma, k) => seq[i + k] === lemma)) {
          for (const term of form.means) if (!found.includes(term)) found.push(term);
          break;
        }
      }
    }
    return found;
  }
}

/** A phrase's lemmas, articles left out. */
export function phraseLemmas(text: string): string[] {
  return searchWords(text)
    .map((w) => w.lemma.replace(/'/g, ''))
    .filter((l) => !SKIPPED.has(l));
}
