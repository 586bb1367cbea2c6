/**
 * Small talk (content/small-talk.yaml): hello, thanks, bye, who are you. A message is small
 * talk when every word of it belongs to a small-talk phrase or to the filler words ("ok thanks
 * that's all for now"), so a message that also asks something ("thanks, can I report on 101?")
 * is left to the search.
 */
import type { SmallTalk, SmallTalkIntent } from '../content/schema';
import { normalise } from '../language/analyse';
import { readText } from '../language/spelling';

interface Phrase {
  words: string[];
  intent?: SmallTalkIntent;
}

export class SmallTalkMatcher {
  /** Every phrase (intents' and filler), longest first, so "thank you" is taken before "you". */
  private readonly phrases: Phrase[];

  constructor(smallTalk: SmallTalk) {
    const phrases: Phrase[] = [];
    for (const intent of smallTalk.intents) for (const say of intent.say) phrases.push({ words: words(say), intent });
    for (const filler of smallTalk.filler) phrases.push({ words: words(filler) });
    this.phrases = phrases.filter((p) => p.words.length > 0).sort((a, b) => b.words.length - a.words.length);
  }

  /** The intent a message is made of, or undefined when any word of it is not small talk. */
  match(text: string): SmallTalkIntent | undefined {
    const message = words(text);
    if (message.length === 0 || message.length > 12) return undefined;
    let intent: SmallTalkIntent | undefined;
    let i = 0;
    while (i < message.length) {
      const phrase = this.phrases.find((p) => p.words.every((w, k) => message[i + k] === w));
      if (!phrase) return undefined;
      intent ??= phrase.intent;
      i += phrase.words.length;
    }
    return intent;
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
      if (!phrase.intent) continue;
      for (let i = 0; i + phrase.words.length <= message.length; i += 1) {
        if (phrase.words.every((w, k) => message[i + k] === w)) return phrase.intent;
      }
    }
    return undefined;
  }
}

/** Up to this many words, a message that found nothing and names small talk is answered as small talk. */
const MENTION_WORDS = 8;

/** Plain words, texting forms expanded ("thx" stays as typed; "u" is "you"), apostrophes dropped. */
function words(text: string): string[] {
  return normalise(readText(normalise(text)))
    .replace(/'/g, '')
    .split(' ')
    .filter(Boolean);
}
