/**
 * What is kept for content authors: counts per item, and unanswered
 * questions with the details workers type about clients redacted, capped.
 */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import type { Session } from '../../src/core/conversation/types';
import { FeedbackLog, isoWeek } from '../../src/core/feedback/feedbackLog';
import { redact, redactForReport } from '../../src/core/privacy/redact';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

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

describe('redactForReport: what a supervisor may read of a question', () => {
  it.each([
    ['Zebedee Quintrell hit her, what now', '[word] [name] hit her, what now'],
    ['zebedee quintrell wont go to the hostel', '[word] [word] wont go to the hostel'],
    ["can I tell Rose's mum about the bins", 'can I tell [name] mum about the bins'],
    ['her number is 07700 900123', 'her number is [number]'],
  ])('%s', (input, output) => {
    expect(redactForReport(input)).toBe(output);
  });

  it("keeps the guidance's own words, which no dictionary has", () => {
    expect(redactForReport('is a marac referral needed')).toBe('is a [word] referral needed');
    expect(redactForReport('is a marac referral needed', new Set(['marac']))).toBe('is a marac referral needed');
  });
});

describe('unanswered questions by week', () => {
  it('names ISO weeks (Monday to Sunday; week 1 holds the first Thursday)', () => {
    expect(isoWeek(Date.UTC(2026, 11, 6))).toBe('2026-W49');
    expect(isoWeek(Date.UTC(2026, 11, 7))).toBe('2026-W50');
    expect(isoWeek(Date.UTC(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(Date.UTC(2021, 0, 4))).toBe('2021-W01');
  });

  it('counts each week apart, oldest first', () => {
    const clock = { now: Date.UTC(2026, 11, 6) };
    const log = new FeedbackLog({ now: () => clock.now });
    log.unanswered('the bins again');
    clock.now = Date.UTC(2026, 11, 8);
    log.unanswered('the rota');
    log.unanswered('the rota');
    expect(log.snapshot().unansweredByWeek).toEqual([
      { week: '2026-W49', count: 1 },
      { week: '2026-W50', count: 2 },
    ]);
  });
});

describe('walk-throughs walked, finished and left (through the conversation core)', () => {
  const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
  const search = new GuidanceSearch(documentsFrom(library));
  const HOUR = 3_600_000;

  function run(log: FeedbackLog, clock: { now: number }) {
    const assistant = new Assistant(library, search, { idleTimeoutMs: 12 * HOUR, feedback: log, now: () => clock.now });
    let session: Session | undefined;
    return {
      send: (input: { text?: string; value?: unknown }) => {
        const result = assistant.respond(input, session);
        session = result.session;
        return result;
      },
      walk: () => session?.walk,
    };
  }

  it('counts a start, the step a walk was left at (by cancel, by another walk, by going idle) and an outcome', () => {
    const log = new FeedbackLog();
    const clock = { now: 0 };
    const chat = run(log, clock);
    const tree = library.tree('third-party-report')!;
    chat.send({ value: { action: 'start', tree: tree.id } });
    chat.send({ text: 'cancel' }); // left at the first step
    chat.send({ value: { action: 'start', tree: tree.id } });
    chat.send({ value: { action: 'start', tree: 'couples-housing' } }); // left for another walk
    chat.send({ text: 'back' }); // nothing to go back to: neither a start nor a stop
    clock.now += 13 * HOUR;
    chat.send({ text: 'menu' }); // gone idle: left where it stood

    chat.send({ value: { action: 'start', tree: tree.id } });
    for (let i = 0; i < 20; i += 1) {
      const walk = chat.walk()!;
      const node = tree.nodes[walk.node]!;
      if (node.type === 'outcome') break;
      const option = node.type === 'question' ? node.options.filter((o) => !o.emergency).at(-1)!.id : 'continue';
      chat.send({ value: { action: 'choose', tree: tree.id, node: walk.node, choice: option } });
    }
    chat.send({ text: 'start over' }); // at an outcome: a new start, not a stop

    const walks = log.snapshot().walks;
    expect(walks.find((w) => w.tree === tree.id)).toEqual({ tree: tree.id, started: 4, finished: 1, stops: [{ node: tree.start, count: 2 }] });
    expect(walks.find((w) => w.tree === 'couples-housing')).toEqual({
      tree: 'couples-housing',
      started: 1,
      finished: 0,
      stops: [{ node: library.tree('couples-housing')!.start, count: 1 }],
    });
  });
});
