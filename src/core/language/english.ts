/**
 * Whether a word is an English word: the test that decides whether a word may be read as a
 * misspelling of another. "stabing" and "unconsious" are not words, so they may be read as
 * "stabbing" and "unconscious"; "cooking" is, so it is never read as "choking", however close
 * the letters. The word list is the British English Hunspell dictionary (dictionary-en-gb),
 * checked with nspell; both ship in npm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';

let speller: ReturnType<typeof nspell> | undefined;

/** dictionary-en-gb is an ES module that reads its files with top-level await; its files are read here directly. */
function dictionaryFolder(): string {
  for (const base of require.resolve.paths('dictionary-en-gb') ?? []) {
    const folder = join(base, 'dictionary-en-gb');
    try {
      readFileSync(join(folder, 'package.json'));
      return folder;
    } catch {
      // not in this node_modules
    }
  }
  throw new Error('dictionary-en-gb is not installed');
}

/** Loaded once, on first use (about 200 ms, 13 MB). */
function spell(): ReturnType<typeof nspell> {
  if (!speller) {
    const folder = dictionaryFolder();
    speller = nspell(readFileSync(join(folder, 'index.aff')), readFileSync(join(folder, 'index.dic')));
  }
  return speller;
}

/** True for a word in the British English dictionary (in any inflection it allows). Lower case in, as typed. */
export function isEnglishWord(word: string): boolean {
  return spell().correct(word);
}

