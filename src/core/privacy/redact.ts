/**
 * Strips the details workers are most likely to type about a client from a
 * piece of text before anything keeps it: email addresses, phone numbers,
 * UK postcodes, National Insurance numbers and dates. Names cannot be found
 * reliably, which is why the bot asks people not to type them; so text kept
 * for a report (redactForReport) also keeps only everyday English words,
 * and none written with a capital inside a sentence.
 */
import { isEnglishWord } from '../language/english';

interface Rule {
  label: string;
  pattern: RegExp;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Applied in order: emails before numbers (an address can hold digits), dates before phone numbers. */
const RULES: Rule[] = [
  { label: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi },
  // Any two letters, six digits and A-D: wider than the valid prefixes, which is the safe side here.
  { label: 'NI number', pattern: /\b[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b/gi },
  { label: 'postcode', pattern: /\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/gi },
  { label: 'date', pattern: /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/g },
  { label: 'date', pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?(?:\\s+\\d{2,4})?\\b`, 'gi') },
  { label: 'date', pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{2,4})?\\b`, 'gi') },
  // Phone numbers and other long numbers: seven or more digits, allowing spaces, dashes, brackets and a leading +.
  { label: 'number', pattern: /\+?\(?\d[\d\s()-]{5,}\d/g },
];

export function redact(text: string): string {
  return RULES.reduce((result, rule) => result.replace(rule.pattern, (match) => (digitsOrLetters(match) ? `[${rule.label}]` : match)), text);
}

/** Guards the loose number rule against runs like "3 - 4" that are mostly punctuation. */
function digitsOrLetters(match: string): boolean {
  return (match.match(/[\da-z]/gi) ?? []).length >= Math.min(6, match.replace(/\s/g, '').length);
}

/**
 * Text for a report someone else will read (the supervisor's view of unanswered questions):
 * redacted as above, then every word that could name or place someone is replaced. A name is
 * rarely an everyday English word, and when it is ("Rose", "Mark") it is usually written with a
 * capital inside a sentence, so a word survives only if it is in the English dictionary and not
 * capitalised after the first word of a sentence. Typos go too: the report errs on the side of
 * saying less. `knownWords` are the guidance's own words (MARAC, IDVA), kept although no
 * dictionary has them.
 */
export function redactForReport(text: string, knownWords: ReadonlySet<string> = new Set()): string {
  const redacted = redact(text);
  return redacted.replace(/(?<![[\w])([A-Za-z][a-z']*|[A-Za-z]+)(?![\w\]])/g, (word: string, _word: string, offset: number) => {
    const sentenceStart = /(?:^|[.!?]\s+)$/.test(redacted.slice(0, offset));
    const lower = word.toLowerCase().replace(/'s$/, '');
    if (/^[A-Z]/.test(word) && !sentenceStart && lower !== 'i') return '[name]';
    return isEnglishWord(lower) || knownWords.has(lower) ? word : '[word]';
  });
}
