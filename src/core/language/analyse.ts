/**
 * Reading a piece of English the way the search and the danger check need it: words, each with
 * its lemma (the dictionary form: "strangled" and "strangling" are both "strangle", "kids" is
 * "kid") and part of speech. The work is wink-nlp's, with its English model (shipped in npm,
 * about 0.1 ms for a question); Waypoint adds only lower-casing first, so that a message typed
 * in capitals in a panic reads like any other, and straight apostrophes.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Word {
  /** The word as typed, lower-cased. */
  text: string;
  /** Its dictionary form, as wink-nlp's model gives it (lower case). */
  lemma: string;
  /** Universal part-of-speech tag: NOUN, VERB, ADJ, PRON, AUX, ... */
  pos: string;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** The model is loaded once, on first use (about 200 ms). */
function reader(): Nlp {
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/** Lower case, straight apostrophes, accents dropped: the form every reader of text starts from. */
export function plainText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’`´]/g, "'");
}

/** A typed command or button label as compared: plain text with punctuation as spaces ("Menu!" is "menu"). */
export function normalise(text: string): string {
  return plainText(text)
    .replace(/[^a-z0-9'\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A word with an apostrophe directly followed by punctuation ("her sister's, which"), spaced apart.
 * wink-nlp's tokenizer reads such a word whole and adds it to the vocabulary it shares across every
 * text it reads, so from then on "sister's" anywhere was one word, not "sister" + "'s": the same
 * question could be read, and answered, differently after another had been asked. Spaced, it is
 * always split as a fresh reader splits it.
 */
const CLITIC_BEFORE_PUNCTUATION = /([a-z]'[a-z]+)(?=[^\sa-z0-9'])/g;

/** The words of a text (punctuation and symbols left out), in order. */
export function analyse(text: string): Word[] {
  const nlp = reader();
  const tokens = nlp.readDoc(plainText(text).replace(CLITIC_BEFORE_PUNCTUATION, '$1 ')).tokens();
  const values = tokens.out(nlp.its.value) as string[];
  const lemmas = tokens.out(nlp.its.lemma as Parameters<typeof tokens.out>[0]) as string[];
  const tags = tokens.out(nlp.its.pos) as string[];
  const words: Word[] = [];
  for (let i = 0; i < values.length; i += 1) {
    const pos = tags[i] as string;
    if (pos === 'PUNCT' || pos === 'SYM' || pos === 'SPACE') continue;
    const value = values[i] as string;
    if (!/[a-z0-9]/.test(value)) continue;
    words.push({ text: value, lemma: (lemmas[i] ?? value).toLowerCase(), pos });
  }
  return words;
}
