/**
 * A message's text as the conversation core is given it.
 *
 * Invisible characters go first. Control characters (other than tab and
 * line breaks) become spaces: "marac" followed by a bell or an escape
 * sequence is still "marac". Bidirectional overrides and isolates, and
 * zero-width spaces, are removed: they only change how text is displayed,
 * so what is searched (and, in a reflective session, shown back in the
 * summary) is the text as typed, not a disguise of it. Zero-width joiners
 * and non-joiners stay: emoji and some scripts need them.
 *
 * Then the length. Search reads the first 1,000 characters and a reflective
 * answer keeps 2,000, so nothing past MAX_TEXT_CHARS changes an answer; but
 * some of the core's text handling (redacting an unanswered question before
 * it is counted) grows faster than the text, and one 100,000-character
 * message held the whole server for half a minute. So a longer message is
 * cut to MAX_TEXT_CHARS. Safety first still holds for the whole message:
 * danger now described anywhere in it, even past the cut, gets the
 * emergency reply. The check (linear in the text) runs over all of it, and
 * when it fires the part passed on is a window that holds what it found.
 */
import { MAX_ANSWER_CHARS } from '../core/practice/reflections';
import { assessEmergency } from '../core/safety/emergency';

/** The most characters of one message the core is given: a reflective answer's limit. */
export const MAX_TEXT_CHARS = MAX_ANSWER_CHARS;

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidi marks, embeddings, overrides and isolates; zero-width space, word joiner, BOM. */
const DISPLAY_ONLY = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** The message as the core should see it (see above); anything but a string is passed on as it is. */
export function incomingText(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return text;
  return bounded(text.replace(CONTROLS, ' ').replace(DISPLAY_ONLY, ''));
}

function bounded(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  if (assessEmergency(text).emergency) {
    // Windows overlap by half, so any sentence up to half a window long lies wholly inside one.
    const step = MAX_TEXT_CHARS / 2;
    for (let start = 0; start < text.length; start += step) {
      const window = cut(text, start);
      if (assessEmergency(window).emergency) return window;
    }
  }
  return cut(text, 0);
}

/** MAX_TEXT_CHARS from `start`, without splitting a surrogate pair at either end. */
function cut(text: string, start: number): string {
  let from = start;
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, from + MAX_TEXT_CHARS);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to -= 1;
  return text.slice(from, to);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
