/**
 * Reading misspelled and texted words as the words they stand for, by general rules rather
 * than lists of typos:
 *   - texting forms of everyday words (rn, pls, hes, cant, wiv): general English shorthand;
 *   - a dropped g ("hittin", "screamin") when adding it back makes an English word;
 *   - a word that is not English, read as the vocabulary word that has its letters in order with
 *     one or two dropped ("hurtn", "stranglin"), or else the closest within a small edit distance
 *     (Levenshtein: one edit up to six letters, two from seven), keeping its first letter or
 *     dropping a silent one ("nife" for "knife"). A real English word is never changed:
 *     "cooking" stays "cooking", however close to "choking"; nor is a name typed with a capital.
 */
import { distance } from 'fastest-levenshtein';
import { isEnglishWord } from './english';

/** Everyday texting shorthand, as general English (not any particular message). */
const TEXTING: Record<string, string> = {
  rn: 'right now',
  atm: 'at the moment',
  pls: 'please',
  plz: 'please',
  plss: 'please',
  u: 'you',
  ur: 'your',
  r: 'are',
  im: "i'm",
  ive: "i've",
  hes: "he's",
  shes: "she's",
  hell: "he'll",
  shell: "she'll",
  hr: 'her',
  rm: 'room',
  wiv: 'with',
  theyre: "they're",
  theres: "there's",
  thers: "there's",
  cant: "can't",
  wont: "won't",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  aint: "isn't",
  wasnt: "wasn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  couldnt: "couldn't",
  hasnt: "hasn't",
  havent: "haven't",
  gt: 'got',
  w: 'with',
  gf: 'girlfriend',
  bf: 'boyfriend',
  b4: 'before',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bcos: 'because',
  becos: 'because',
  bcoz: 'because',
  tht: 'that',
  wht: 'what',
  bc: 'because',
  tho: 'though',
  thru: 'through',
  wat: 'what',
  wot: 'what',
  wots: "what's",
  wats: "what's",
  tues: 'tuesday',
  weds: 'wednesday',
  thur: 'thursday',
  thurs: 'thursday',
  fri: 'friday',
  nite: 'night',
  bout: 'about',
  tonite: 'tonight',
  '2nite': 'tonight',
  '2day': 'today',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmw: 'tomorrow',
  yday: 'yesterday',
  wk: 'week',
  wks: 'weeks',
  yr: 'year',
  yrs: 'years',
  mnth: 'month',
  mnths: 'months',
  msg: 'message',
  msgs: 'messages',
  txt: 'text',
  appt: 'appointment',
  appts: 'appointments',
  shud: 'should',
  cud: 'could',
  wud: 'would',
  gona: 'going to',
  gonna: 'going to',
  wanna: 'want to',
  dunno: "don't know",
  ya: 'you',
  thx: 'thanks',
  wen: 'when',
  abt: 'about',
  n: 'and',
  nd: 'and',
  ppl: 'people',
  sum1: 'someone',
  some1: 'someone',
  sumone: 'someone',
  // contractions typed without the apostrophe, where that is not a word of its own
  thats: "that's",
  whats: "what's",
  wheres: "where's",
  whos: "who's",
  youre: "you're",
  youve: "you've",
  weve: "we've",
  theyve: "they've",
  theyll: "they'll",
  arent: "aren't",
  werent: "weren't",
  hadnt: "hadn't",
  mustnt: "mustn't",
  wouldve: "would've",
  couldve: "could've",
  shouldve: "should've",
  // everyday shorthand
  jus: 'just',
  frm: 'from',
  y: 'why',
  sez: 'says',
  sed: 'said',
  owt: 'anything',
  nowt: 'nothing',
  hav: 'have',
  hv: 'have',
  wivout: 'without',
  widout: 'without',
  bk: 'back',
  bak: 'back',
  ova: 'over',
  fone: 'phone',
  gd: 'good',
  b: 'be',
  iz: 'is',
  l8r: 'later',
  m8: 'mate',
  gr8: 'great',
  h8: 'hate',
  any1: 'anyone',
  ne1: 'anyone',
  every1: 'everyone',
  evry1: 'everyone',
  evry: 'every',
  evryone: 'everyone',
  evrytime: 'every time',
  nuthin: 'nothing',
  sumthin: 'something',
  smthng: 'something',
  sth: 'something',
  idk: "i don't know",
  pple: 'people',
  hubby: 'husband',
  resi: 'resident',
  resis: 'residents',
  // Scots and northern forms
  noo: 'now',
  oot: 'out',
  ootside: 'outside',
  wi: 'with',
  fae: 'from',
  tae: 'to',
  dae: 'do',
  whit: 'what',
  giein: 'giving',
  windae: 'window',
  summat: 'something',
};

const MAX_WORD = 30;

const SILENT_FIRST_LETTERS = ['k', 'w', 'h', 'g', 'p'];

/** A vocabulary to correct words towards: its words, by first letter and length, for quick lookup. */
export class CorrectionVocabulary {
  private readonly words = new Set<string>();
  /** "s:8" -> the words of 8 letters starting with s: a correction only ever compares words of about the same length. */
  private readonly buckets = new Map<string, string[]>();

  /**
   * `maxEdits` caps the edit distance: a small vocabulary that raises an alarm (the danger words)
   * takes only one edit, so that "homless" never becomes a danger word; being small, it can
   * correct shorter words (`minLength`: "nife").
   */
  constructor(
    words: Iterable<string>,
    private readonly maxEdits = 2,
    private readonly minLength = 5,
  ) {
    for (const word of words) {
      if (word.length < 3 || this.words.has(word)) continue;
      this.words.add(word);
      const key = `${word[0] as string}:${word.length}`;
      const list = this.buckets.get(key);
      if (list) list.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  /** The words starting with `letter` whose length is from `min` to `max`. */
  private *candidates(letter: string, min: number, max: number): Generator<string> {
    for (let length = Math.max(3, min); length <= max; length += 1) yield* this.buckets.get(`${letter}:${length}`) ?? [];
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * The closest word within the allowed edits, or undefined. Ties go to the word met first.
   * Only words starting with the same letter are compared, or (for a dropped silent first
   * letter, "nife") the word with its first letter removed.
   */
  closest(word: string): string | undefined {
    // Four letters leave too little to go on in a large vocabulary: "wifi" is not a misspelling of "wife".
    if (word.length < this.minLength) return undefined;
    return this.swapped(word) ?? this.withLettersDropped(word) ?? this.withinEdits(word);
  }

  /**
   * Two neighbouring letters typed the wrong way round ("polcie", "recieve"): one slip, though
   * edit distance counts it as two and a word with letters dropped ("policies") can look nearer.
   */
  private swapped(word: string): string | undefined {
    for (let i = 0; i < word.length - 1; i += 1) {
      if (word[i] === word[i + 1]) continue;
      const candidate = word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
      if (this.words.has(candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * Panic typing drops letters: "hurtn" is "hurting" with two gone, "stranglin" is "strangling".
   * The vocabulary word, of the same first letter, that has the typed letters in order with at
   * most two (and under a third) missing; the fewest missing wins.
   */
  private withLettersDropped(word: string): string | undefined {
    let best: string | undefined;
    for (const candidate of this.candidates(word[0] as string, word.length + 1, word.length + 2)) {
      const missing = candidate.length - word.length;
      if (missing * 3 > candidate.length) continue;
      if (best !== undefined && missing >= best.length - word.length) continue;
      if (isSubsequence(word, candidate)) best = candidate;
    }
    return best;
  }

  private withinEdits(word: string): string | undefined {
    const allowed = Math.min(this.maxEdits, word.length <= 6 ? 1 : 2);
    let best: string | undefined;
    let bestDistance = allowed + 1;
    const consider = (candidate: string, compared: string) => {
      if (Math.abs(compared.length - word.length) > allowed) return;
      const d = distance(word, compared);
      // On a tie, the longer word: panic typing drops letters far more often than it adds them.
      if (d < bestDistance || (d === bestDistance && best !== undefined && candidate.length > best.length)) {
        bestDistance = d;
        best = candidate;
      }
    };
    for (const candidate of this.candidates(word[0] as string, word.length - allowed, word.length + allowed)) consider(candidate, candidate);
    // English spells some words with a silent first letter (knife, wrist, honest, gnaw, psych) that
    // a hurried writer leaves out.
    if (bestDistance > 1) {
      for (const silent of SILENT_FIRST_LETTERS) {
        for (const candidate of this.candidates(silent, word.length + 1 - allowed, word.length + 1 + allowed)) if (candidate[1] === word[0] && candidate.length > 4) consider(candidate, candidate.slice(1));
      }
    }
    return best;
  }
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j += 1) if (long[j] === short[i]) i += 1;
  return i === short.length;
}

/**
 * The words typed with a capital inside a sentence (lower-cased): names of people and places.
 * A message typed all in capitals has none.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  if (!/[a-z]/.test(text)) return names;
  for (const match of text.matchAll(/(?<![.!?]\s|^)(?<=\s)([A-Z][a-z]+)\b/g)) names.add((match[1] as string).toLowerCase());
  return names;
}

/**
 * One typed word, read: texting shorthand expanded, a dropped g restored, or a non-word
 * corrected towards the vocabulary. Lower case in; a word that needs nothing comes back as it is.
 */
export function readWord(word: string, vocabulary?: CorrectionVocabulary): string {
  const texted = TEXTING[word];
  if (texted) return texted;
  // The plural of a texted word: "nites", "appts".
  const single = word.length > 4 && word.endsWith('s') ? TEXTING[word.slice(0, -1)] : undefined;
  if (single && /^[a-z]+$/.test(single)) return `${single}s`;
  // No word worth correcting is longer than this; a run of letters that long is not a word at all.
  if (word.length > MAX_WORD || vocabulary?.has(word) || !/^[a-z]+$/.test(word) || isEnglishWord(word)) return word;
  if (word.endsWith('in') && isEnglishWord(`${word}g`)) return `${word}g`;
  return vocabulary?.closest(word) ?? word;
}

/**
 * A whole text with every word read (see readWord); spacing and punctuation are kept. Words in
 * `names` (see namesIn) are left as typed: a name is not a misspelling ("Keeley" is not "keeled").
 */
export function readText(text: string, vocabulary?: CorrectionVocabulary, names?: ReadonlySet<string>): string {
  return text.replace(/[a-z0-9']+/g, (token) => {
    // A possessive is its word and "'s": "Mel's" is Mel's, not "melees".
    const possessive = /^([a-z0-9]+)'s$/.exec(token)?.[1];
    if (possessive) {
      if (names?.has(possessive)) return token;
      const read = readWord(possessive, vocabulary);
      return read === possessive ? token : `${read}'s`;
    }
    const bare = token.replace(/'/g, '');
    if (names?.has(bare)) return token;
    const read = readWord(bare, vocabulary);
    return read === bare ? token : read;
  });
}
