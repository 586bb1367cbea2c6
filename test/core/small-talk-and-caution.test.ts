/**
 * Two replies issue 12 added to the core: small talk gets a short answer, never a card; a message
 * with danger signs whose timing is unclear gets the caution line above its answer.
 */
import { describe, expect, it } from 'vitest';
import { adaptiveCard } from '../../src/bot/adaptiveCard';
import { replyText } from '../../src/bot/text';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { Assistant, CAUTION_LINE } from '../../src/core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 60_000 });
const first = (text: string) => assistant.respond({ text }, { offered: [], introduced: true, lastActive: Date.now() }).replies[0];

describe('small talk', () => {
  // The last two say something more, and the search finds nothing near: small talk after all.
  it.each([
    ["thanks that's all for now", 'welcome'],
    ['ok cheers', 'welcome'],
    ['bye', 'Take care'],
    ['who are you?', 'Waypoint'],
    ['are you a real person', 'not a person'],
    ['are you a real person or a computer', 'not a person'],
    ['cheers that was really useful', 'welcome'],
    // a letter held down, a typo, emoji, a reaction; and a reaction next to thanks is thanks
    ['thank youuu', 'welcome'],
    ['helo', 'Hello'],
    ['👍', 'whenever you'],
    ['fair enough, got it', 'whenever you'],
    ['ok great thanks', 'welcome'],
    // letters swapped; privacy, a reply that missed, puzzlement, chat and a hard shift each get their own reply
    ['thnak you', 'welcome'],
    ['who can see what I type here?', "doesn't keep a log"],
    ["nope that's not what I meant", "didn't help"],
    ['???', "didn't follow"],
    ['pardon', "didn't follow"],
    ['go on, tell me a joke', 'beyond me'],
    ["shattered, it's been one of those days", 'hard shift'],
    ['hang on a sec', 'Ask me a question'],
  ])('"%s" gets a short reply, never a card', (text, says) => {
    const reply = first(text);
    expect(reply?.kind).toBe('small-talk');
    expect(reply?.sections.flatMap((s) => s.lines).join(' ')).toContain(says);
  });

  it('a message that also asks something is a question, not small talk', () => {
    expect(first('thanks, can I report it on 101 without her consent')?.kind).not.toBe('small-talk');
  });

  it('a word that is small talk on its own is not, inside a longer message that found nothing', () => {
    expect(first('he calls her useless')?.kind).not.toBe('small-talk');
  });

  it('a greeting or thanks around a short question does not hide it', () => {
    for (const question of ['FGM', 'gaslighting', 'stalking protection order', 'honour based abuse']) {
      const bare = first(question);
      expect(bare?.kind).toBe('card');
      for (const framed of [`hiya, ${question}`, `${question} thanks`, `quick question, ${question}?? cheers`, `sorry to ask but ${question}`]) {
        expect(first(framed)?.id, framed).toBe(bare?.id);
      }
    }
  });

  it('what is left when the greeting or thanks is read out can be small talk too', () => {
    expect(first('thank you, that was really helpful')?.kind).toBe('small-talk');
    // the product's own name names no topic: a greeting (with the menu)
    expect(['small-talk', 'menu']).toContain(first('hiya waypnt')?.kind);
  });

  it('a real word is not read as a misspelled greeting', () => {
    expect(first('hit')?.kind).not.toBe('small-talk');
  });
});

describe('the caution line', () => {
  const unclear = 'she has marks on her neck and says he put his hands round it, how do I record that';

  it('sits above the answer to a message with danger signs and no time, with the rule that raised it', () => {
    const reply = first(unclear);
    expect(reply?.kind).not.toBe('emergency');
    expect(reply?.caution).toBe(CAUTION_LINE);
    expect(reply?.danger).toMatch(/^caution:/);
  });

  it('is shown first in the card and in the text', () => {
    const reply = first(unclear);
    if (!reply) throw new Error('no reply');
    expect(adaptiveCard(reply).body[0]).toMatchObject({ type: 'TextBlock', text: CAUTION_LINE });
    expect(replyText(reply, { markdown: false }).startsWith(CAUTION_LINE)).toBe(true);
  });

  it('is not added to an ordinary question, nor to past violence told as past', () => {
    expect(first('what is coercive control')?.caution).toBeUndefined();
    expect(first('he hit her last month, should I refer to MARAC')?.caution).toBeUndefined();
  });
});
