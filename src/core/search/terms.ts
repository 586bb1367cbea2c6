/**
 * Search terms: the words of a text that carry meaning, as lemmas, so "colluding" and
 * "colludes" meet as "collude", "kids" meets "kid", and "she doesnt want police" reads as
 * "doesn't". Texting forms and dropped g's are read first (language/spelling.ts); wink-nlp
 * gives the lemmas and parts of speech (language/analyse.ts).
 *
 * Which words carry meaning is decided by their part of speech and a short list of common
 * words, not by a list of particular questions: pronouns, determiners, auxiliaries and the
 * like are dropped, and so are proper nouns (names and places) unless the guidance itself uses
 * them ("MARAC" is a proper noun in wink-nlp's model, and a search term here).
 */
import { analyse, plainText, type Word } from '../language/analyse';
import { isEnglishWord } from '../language/english';
import { namesIn, readText, type CorrectionVocabulary } from '../language/spelling';

/** Common words that say nothing about a topic, checked against both the word and its lemma; and Waypoint, the product's own name. */
export const STOPWORDS = new Set(
  `a about after again all also am an and any are as at be because been before being both but by can can't cant
  could did didn't do does doesn't doing don't dont down during each few for from further get gets getting got had
  has have having he he's hes her here hers herself him himself his how i i'd i'll i'm im i've if in into is isn't it
  it's its itself just let's lets me more most my myself no nor of off on once only or other our ours ourselves out
  over she she's shes should so some such than that that's the their theirs them themselves then there
  there's these they they're this those through to too under until up very was wasn't we we're were what what's
  when where which while who whom why will with would you your yours yourself yourselves ok okay please really
  thing something anything one someone need want know say bit lot also
  hi hello hey thanks thank wont ive youre theyre thats whats actually basically literally not n't 's 're 've 'm 'd 'll
  go come make take put see look seem think like way just even still yet ever never always much many lot lots
  right now today yesterday week day time guy bloke mate ok yeah yep lol pls please
  waypoint`.split(/\s+/),
);

/** Parts of speech that never carry a topic. */
const FUNCTION_POS = new Set(['PRON', 'DET', 'AUX', 'CCONJ', 'SCONJ', 'ADP', 'PART', 'INTJ', 'PUNCT', 'SYM', 'SPACE']);

/**
 * The words of a text as read for search: texting and dropped g's restored, words that are not
 * English corrected towards `vocabulary` (the guidance's own words) when given, then analysed.
 */
export function searchWords(text: string, vocabulary?: CorrectionVocabulary): Word[] {
  return readQuestion(text, vocabulary).words;
}

/** A question as read: one reading for every use. */
export interface ReadQuestion {
  /** The text with texting forms, dropped g's and misspellings read as meant. */
  text: string;
  words: Word[];
  /**
   * Per word, whether it is in a sentence that asks something (see isAsking), in a message of several
   * sentences some of which ask and some of which tell; absent otherwise.
   */
  asking?: boolean[];
}

/** A text as read (texting forms, dropped g's and misspellings read as meant) and its words. */
export function readQuestion(text: string, vocabulary?: CorrectionVocabulary): ReadQuestion {
  const read = readText(plainText(text), vocabulary, namesIn(text));
  const mixed = askingAndTelling(read);
  if (!mixed) return { text: read, words: sectorWords(read) };
  const { sentences, asks } = mixed;
  // Each sentence is analysed on its own (wink-nlp tags sentence by sentence anyway), so each
  // word knows whether its sentence asks.
  const words: Word[] = [];
  const asking: boolean[] = [];
  sentences.forEach((sentence, i) => {
    for (const word of sectorWords(sentence)) {
      words.push(word);
      asking.push(asks[i] as boolean);
    }
  });
  return { text: read, words, asking };
}

/**
 * Abbreviations of the sector that wink-nlp's model reads as texting for another word: "DA"
 * (domestic abuse) as "the". Found by reading every short word of the thesaurus and the workers'
 * questions through the model and keeping those it turned into a function word; "da" is the only one.
 */
const SECTOR_ABBREVIATIONS = new Set(['da']);

/** A text's words (language/analyse.ts), with the sector's abbreviations read as the nouns they are. */
function sectorWords(text: string): Word[] {
  return analyse(text).map((word) => (SECTOR_ABBREVIATIONS.has(word.text) ? { text: word.text, lemma: word.text, pos: 'NOUN' } : word));
}

/**
 * The sentences of a message that ask, as written: all of it when its sentences are all of one kind
 * ("He checks her phone. She is scared. What do I do?" asks "What do I do?").
 */
export function askingPart(text: string): string {
  const mixed = askingAndTelling(text);
  return mixed ? mixed.sentences.filter((_, i) => mixed.asks[i]).join(' ') : text;
}

/** Where a message puts a second question after the first: "... whats the dash form? also the heating's stuck". */
const NEXT_QUESTION = /,?\s+(?=(?:and )?(?:also|separately|unrelated|another thing|separate q|oh and|plus)\b)/;
/** The word that joins a question to the one before it, set aside to see whether it asks. */
const JOINING = /^\W*(?:(?:and|also|oh and|plus|separately|unrelated(?: but)?|another thing|separate q)\b[,:]?\s*)+/;

/**
 * The parts of a message of several sentences (or of questions joined by "also") that ask, as
 * written; none for a message of one part. "Can I book leave over Christmas? And should DA
 * training be compulsory?" asks two things, only one of them about abuse.
 */
export function questionsIn(text: string): string[] {
  const parts = sentencesIn(text).flatMap((sentence) => sentence.split(NEXT_QUESTION).filter(hasWords));
  return parts.length < 2 ? [] : parts.filter((part) => isAsking(plainText(part).replace(JOINING, '')));
}

/** A message's sentences and whether each asks, when some ask and some tell; undefined otherwise. */
function askingAndTelling(text: string): { sentences: string[]; asks: boolean[] } | undefined {
  const sentences = sentencesIn(text);
  const asks = sentences.map((s) => isAsking(plainText(s)));
  return sentences.length < 2 || asks.every(Boolean) || !asks.some(Boolean) ? undefined : { sentences, asks };
}

/** A message's sentences, leaving out any with no letter or digit. */
function sentencesIn(text: string): string[] {
  return text.split(SENTENCE_END).filter(hasWords);
}

function hasWords(text: string): boolean {
  return /[a-z0-9]/i.test(text);
}

/** Where a sentence ends: after a full stop, question or exclamation mark and a space, or at a line break. */
const SENTENCE_END = /(?<=[.?!])\s+|\n+/;

/** A sentence opening the way a question or a request for help does. */
const ASKING_OPENING = /^\W*(?:how|what|why|when|where|who|which|can|could|should|do|does|did|is|are|am|was|would|will|must|may|any|anyone|has|have)\b/;

/** Whether a sentence asks: it ends with a question mark or opens as a question does ("how do I ...", "any advice"). */
function isAsking(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || ASKING_OPENING.test(sentence);
}

/** Whether a word carries meaning for search (see the module comment). */
export function carriesMeaning(word: Word, known?: (term: string) => boolean): boolean {
  if (FUNCTION_POS.has(word.pos)) return false;
  if (STOPWORDS.has(word.text) || STOPWORDS.has(word.lemma)) return false;
  if (word.pos === 'PROPN' && known && !known(termOf(word))) return false;
  return /[a-z0-9]/.test(word.lemma);
}

/**
 * The term a word is indexed and searched by: its lemma, without apostrophes. wink-nlp leaves the
 * plural of an acronym as it is ("IDVAs", "DVPOs", "MARACs"): a word of five letters or more that
 * is not English and ends in a single "s" is read as the acronym's plural.
 */
export function termOf(word: Word): string {
  const term = word.lemma.replace(/'/g, '');
  return ACRONYM_PLURAL.test(term) && !isEnglishWord(term) ? term.slice(0, -1) : term;
}

const ACRONYM_PLURAL = /^[a-z]{3,}[^s]s$/;

/** The search terms of a piece of guidance text: every word that carries meaning. */
export function documentTerms(text: string): string[] {
  return searchWords(text)
    .filter((w) => carriesMeaning(w))
    .map(termOf);
}
