/**
 * What is kept for content authors: counts per item, and unanswered
 * questions with the details workers type about clients redacted, capped.
 */
import { describe, expect, it } from 'vitest';
import { FeedbackLog } from '../../src/core/feedback/feedbackLog';
import { redact } from '../../src/core/privacy/redact';

describe('redact', () => {
  it.each([
    ['her mobile is 07700 900123', 'her mobile is [number]'],
    ['call +44 (0)20 7946 0018 after 5', 'call [number] after 5'],
    ['email jo.bloggs+dv@example.co.uk today', 'email [email] today'],
    ['she lives at SW1A 1AA now', 'she lives at [postcode] now'],
    ['postcode m1 1ae', 'postcode [postcode]'],
    ['NI number QQ 12 34 56 C', 'NI number [NI number]'],
    ['born 12/03/1990', 'born [date]'],
    ['incident on 3rd March 2024', 'incident on [date]'],
    ['since March 5, 2024', 'since [date]'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('leaves guidance words and small numbers alone', () => {
    for (const text of ['can I report on 101 without her consent', '14 or more yes answers on the Dash', 'what happens at 5pm', 'she is 3 - 4 months pregnant']) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('FeedbackLog', () => {
  it('counts ratings per id and lists the most rated first', () => {
    const log = new FeedbackLog();
    log.rate('marac', true);
    log.rate('marac', false);
    log.rate('idva', true);
    log.rate('marac', true);
    expect(log.snapshot().feedback).toEqual([
      { id: 'marac', helpful: 2, notHelpful: 1 },
      { id: 'idva', helpful: 1, notHelpful: 0 },
    ]);
  });

  it('keeps unanswered questions redacted, counted, cut short and capped', () => {
    const log = new FeedbackLog({ maxQueries: 2, maxQueryChars: 30 });
    log.unanswered('ring   07700 900123 about the rota');
    log.unanswered('ring 07700 900123 about the rota');
    log.unanswered('x'.repeat(100));
    log.unanswered('the newest question');
    const { unanswered } = log.snapshot();
    expect(unanswered).toHaveLength(2);
    expect(unanswered).toContainEqual({ query: 'ring [number] about the rota', count: 2 });
    expect(unanswered).toContainEqual({ query: 'the newest question', count: 1 });
    expect(unanswered.every((u) => u.query.length <= 30)).toBe(true);
  });
});
