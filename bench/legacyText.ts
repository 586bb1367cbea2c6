/**
 * Kept only for bench/legacySearch.ts (the engine before issue 12), as it was then.
 *
 * Turning free text into search terms: lower-case words, British/American
 * spellings folded, common words dropped, light suffix stripping so
 * "colluding", "colludes" and "collude" meet.
 */

const STOPWORDS = new Set(
  `a about after again all also am an and any are as at be because been before being both but by can can't cant
  could did didn't do does doesn't doing don't dont down during each few for from further get gets getting got had
  has have having he he's hes her here hers herself him himself his how i i'd i'll i'm im i've if in into is isn't it
  it's its itself just let's lets me more most my myself no nor of off on once only or other our ours ourselves out
  over she she's shes should so some such than that that's the their theirs them themselves then there
  there's these they they're this those through to too under until up very was wasn't we we're were what what's
  when where which while who whom why will with would you your yours yourself yourselves ok okay please really
  thing things something anything do i does one someone need want wants know tell say said bit lot also
  hi hello hey thanks thank dont doesnt didnt isnt wont wasnt arent hasnt havent shouldnt wouldnt couldnt
  ive youre theyre thats whats actually basically literally`.split(/\s+/),
);

/** American spellings and common variants, folded to the British form used in content. */
const SPELLINGS: Record<string, string> = {
  humor: 'humour',
  humoring: 'humouring',
  humored: 'humoured',
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  counselor: 'counsellor',
  program: 'programme',
  programs: 'programmes',
  organization: 'organisation',
  organizations: 'organisations',
  organizational: 'organisational',
  license: 'licence',
  minimizing: 'minimising',
  minimize: 'minimise',
  apologize: 'apologise',
  center: 'centre',
  counseling: 'counselling',
  outed: 'outing',
};

/** Words whose stem would be a stop word or another word: "outing" is not "out". */
const UNSTEMMED = new Set(["outing", "trans"]);

export function normalise(text: string): string {
  const plain = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’`´]/g, "'")
    .replace(/[^a-z0-9'\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "Out" is a stop word ("kicked her out"), but "to out her" means revealing her sexuality or gender identity.
  return plain.replace(/\bto out (her|him|them|me)\b/g, 'to outing $1');
}

/** Strips the commonest English suffixes; deliberately light, so stems stay readable. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // "hitting" -> "hitt" -> "hit"
  if (/([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Search terms in a piece of text, stop words removed, stemmed. */
export function terms(text: string): string[] {
  return normalise(text)
    .split(' ')
    .filter((word) => word.length > 0 && !STOPWORDS.has(word))
    .map((word) => SPELLINGS[word] ?? word)
    .map((word) => (UNSTEMMED.has(word) ? word : stem(word)))
    // Again after stemming: "whats" and "hes" become stop words only then.
    .filter((word) => word.length > 0 && !STOPWORDS.has(word));
}
