/**
 * Small talk (content/small-talk.yaml): hello, thanks, bye, who are you. A message is small
 * talk when every word of it belongs to a small-talk phrase or to the filler words ("ok thanks
 * that's all for now"), so a message that also asks something ("thanks, can I report on 101?")
 * is left to the search.
 */
import { distance } from 'fastest-levenshtein';
import type { SmallTalk, SmallTalkIntent } from '../content/schema';
import { normalise } from '../language/analyse';
import { isEnglishWord } from '../language/english';
import { readText } from '../language/spelling';

interface Phrase {
  words: string[];
  intent?: SmallTalkIntent;
}

export class SmallTalkMatcher {
  /** Every phrase (intents' and filler), longest first, so "thank you" is taken before "you". */
  private readonly phrases: Phrase[];

  /** Every word of every phrase: what a misspelled word ("helo", "byee") is read as. */
  private readonly vocabulary: string[];
  /** The reaction that answers a message of emoji alone (the first intent marked `alone`). */
  private readonly reaction?: SmallTalkIntent;
  /** What answers a message of question marks or dots alone (the first intent marked `punctuation`). */
  private readonly puzzled?: SmallTalkIntent;
  /** Greetings and openers at the start of a message, and thanks at its end (content/small-talk.yaml `around`). */
  private readonly before: RegExp;
  private readonly after: RegExp;

  constructor(smallTalk: SmallTalk) {
    const phrases: Phrase[] = [];
    for (const intent of smallTalk.intents) for (const say of intent.say) phrases.push({ words: words(say), intent });
    for (const filler of smallTalk.filler) phrases.push({ words: words(filler) });
    this.phrases = phrases.filter((p) => p.words.length > 0).sort((a, b) => b.words.length - a.words.length);
    this.vocabulary = [...new Set(this.phrases.flatMap((p) => p.words))].filter((w) => /^[a-z]{2,}$/.test(w));
    this.reaction = smallTalk.intents.find((i) => i.alone);
    this.puzzled = smallTalk.intents.find((i) => i.punctuation);
    this.before = new RegExp(`^[\\s,.!:;-]*(?:${alternatives(smallTalk.around.before)})(?=[\\s,.!?:;-]|$)[\\s,.!:;-]*`, 'i');
    this.after = new RegExp(`[\\s,.!:;-]*\\b(?:${alternatives(smallTalk.around.after)})[\\s,.!:;-]*$`, 'i');
  }

  /**
   * The question in a message, without the greetings and thanks around it ("hiya, FGM" is "FGM",
   * "stalking protection order thanks" is "stalking protection order"), so that they do not
   * dilute it for the search. A message that is nothing but small talk is returned as it is.
   */
  question(text: string): string {
    let core = text;
    for (let previous = ''; previous !== core; ) {
      previous = core;
      core = core.replace(this.before, '').replace(this.after, '');
    }
    return /[\p{L}\p{N}]/u.test(core) ? core : text;
  }

  /**
   * The intent a message is made of, or undefined when any word of it is not small talk. A word
   * one letter off a small-talk word is read as it; a reaction ("ok", "makes sense") counts only
   * when nothing else in the message is small talk ("ok thanks" is thanks).
   */
  match(text: string): SmallTalkIntent | undefined {
    const message = words(text);
    if (message.length === 0) {
      if (PUZZLED.test(text)) return this.puzzled;
      return [...text.trim()].length <= EMOJI_REACTION && EMOJI_ONLY.test(text) ? this.reaction : undefined;
    }
    if (message.length > 12) return undefined;
    const intents: SmallTalkIntent[] = [];
    let i = 0;
    while (i < message.length) {
      let phrase = this.phraseAt(message, i);
      if (!phrase) {
        const near = this.nearest(message[i] as string);
        if (!near) return undefined;
        message[i] = near;
        phrase = this.phraseAt(message, i);
        if (!phrase) return undefined;
      }
      if (phrase.intent) intents.push(phrase.intent);
      i += phrase.words.length;
    }
    return intents.find((intent) => !intent.alone) ?? intents[0];
  }

  private phraseAt(message: string[], i: number): Phrase | undefined {
    return this.phrases.find((p) => p.words.every((w, k) => message[i + k] === w));
  }

  /**
   * The small-talk word one edit (or one swap of two letters side by side) from a typed non-word
   * of three letters or more, if only one is; a word that is a whole phrase on its own ("hello",
   * "hi") before one that is part of a longer phrase ("help me understand", "hit enter too
   * early"). Not spelling.ts's CorrectionVocabulary:
   * that keeps the first letter and settles a tie by length ("hii" would be "hit"); here a tie
   * between phrases of a few letters is no reading at all.
   */
  private nearest(word: string): string | undefined {
    // A real word is never changed ("hit" is not "hi"), as elsewhere (language/spelling.ts).
    if (word.length < 3 || !/^[a-z]+$/.test(word) || isEnglishWord(word)) return undefined;
    const near = this.vocabulary.filter((w) => (Math.abs(w.length - word.length) <= 1 && distance(w, word) === 1) || swapped(w, word));
    const whole = near.filter((w) => this.phrases.some((p) => p.intent && p.words.length === 1 && p.words[0] === w));
    const candidates = whole.length > 0 ? whole : near;
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * The intent of the longest small-talk phrase in a short message that also says something else
   * ("are you a real person or a bot", "cheers that was really useful"): asked only when the
   * search found nothing, so a question is always searched first.
   */
  mentioned(text: string): SmallTalkIntent | undefined {
    const message = words(text);
    if (message.length === 0 || message.length > MENTION_WORDS) return undefined;
    for (const phrase of this.phrases) {
      // A reaction or a word like "useless" inside a longer message is not small talk.
      if (!phrase.intent || phrase.intent.alone || phrase.intent.whole) continue;
      for (let i = 0; i + phrase.words.length <= message.length; i += 1) {
        if (phrase.words.every((w, k) => message[i + k] === w)) return phrase.intent;
      }
    }
    return undefined;
  }
}

/** Two letters side by side typed the wrong way round ("thnaks", "hlelo"): one slip of the fingers, though two edits. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === (differ[0] as number) + 1 && a[differ[0] as number] === b[differ[1] as number] && a[differ[1] as number] === b[differ[0] as number];
}

/** Phrases as a regular-expression alternation, longest first, any run of spaces between words; an apostrophe may be left out. */
function alternatives(phrases: readonly string[]): string {
  if (phrases.length === 0) return '(?!)';
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]?").replace(/ +/g, '\\s+'))
    .join('|');
}

/** Up to this many words, a message that found nothing and names small talk is answered as small talk. */
const MENTION_WORDS = 8;

/** A message of question marks, dots or an ellipsis alone: "???", "...", "?!". */
const PUZZLED = /^\s*[?.…!]*[?.…][?.…!]*\s*$/;

/** Up to this many characters, a message of emoji alone is a reaction; a wall of them is not. */
const EMOJI_REACTION = 12;
/** A message of emoji (and spaces or punctuation) alone: "👍", "👋🙂". */
const EMOJI_ONLY = /^[\s\p{P}]*\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{M}\u200d\ufe0f\s\p{P}]*$/u;

/**
 * Plain words, texting forms expanded ("thx" stays as typed; "u" is "you"), apostrophes dropped,
 * and a letter held down ("hellooo", "thank youuu") typed once.
 */
function words(text: string): string[] {
  return normalise(readText(normalise(text).replace(/([a-z])\1{2,}/g, '$1')))
    .replace(/'/g, '')
    .split(' ')
    .filter(Boolean);
}
