/**
 * The conversation core on its own (no bot, no HTTP): sessions stay small,
 * hold nothing the user typed, and expire when idle.
 */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import type { Session } from '../../src/core/conversation/types';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { back, choose, startWalk } from '../../src/core/trees/engine';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const search = new GuidanceSearch(documentsFrom(library));
const HOUR = 60 * 60 * 1000;

function assistantAt(clock: { now: number }) {
  return new Assistant(library, search, { idleTimeoutMs: 12 * HOUR, now: () => clock.now });
}

describe('sessions', () => {
  it('keep nothing the user typed and stay small', () => {
    const assistant = assistantAt({ now: 0 });
    let session: Session | undefined;
    for (const text of ['Zebedee Quintrell says he answers every question for her', 'menu', '1', 'Zebedee again: 2']) {
      session = assistant.respond({ text }, session).session;
    }
    const stored = JSON.stringify(session);
    expect(stored).not.toContain('Zebedee');
    expect(stored.length).toBeLessThan(4096);
  });

  it('start afresh after the idle timeout: the walk is forgotten and the introduction shown again', () => {
    const clock = { now: 0 };
    const assistant = assistantAt(clock);
    let result = assistant.respond({ value: { action: 'start', tree: 'couples-housing' } }, undefined);
    expect(result.session.walk?.tree).toBe('couples-housing');

    clock.now += 11 * HOUR;
    result = assistant.respond({ text: 'start over' }, result.session);
    expect(result.replies.at(-1)?.id).toBe('couples-housing');

    clock.now += 13 * HOUR;
    result = assistant.respond({ text: 'start over' }, result.session);
    expect(result.session.walk).toBeUndefined();
    expect(result.replies.map((r) => r.kind)).toEqual(['welcome', 'menu']);
  });

  it('record what the last reply offered, so a typed number picks from it', () => {
    const assistant = assistantAt({ now: 0 });
    const { session } = assistant.respond({ text: 'menu' }, undefined);
    expect(session.offered.map((c) => c.value)).toContainEqual({ action: 'start', tree: 'humouring-or-collusion' });
    const next = assistant.respond({ text: '3' }, session);
    expect(next.replies.at(-1)).toMatchObject({ kind: 'tree', id: library.menu.items[2]?.target });
  });

  it('do not guess when a typed word starts more than one option', () => {
    const assistant = assistantAt({ now: 0 });
    const session: Session = {
      offered: [
        { label: 'Yes, he is there', value: { action: 'command', command: 'menu' } },
        { label: 'Yes, but he is asleep', value: { action: 'command', command: 'help' } },
      ],
      introduced: true,
      lastActive: 0,
    };
    expect(assistant.respond({ text: 'yes' }, session).replies[0]?.kind).not.toBe('menu');
  });
});

describe('the tree engine', () => {
  const tree = library.tree('third-party-report');
  if (!tree) throw new Error('third-party-report missing');

  it('refuses an option that does not exist at the current node', () => {
    expect(choose(tree, startWalk(tree), 'not-an-option')).toBeUndefined();
  });

  it('goes back one step at a time and not past the start', () => {
    const start = startWalk(tree);
    const next = choose(tree, start, 'no');
    // The option chosen at each step is kept beside it, for a case note.
    expect(next).toEqual({ tree: 'third-party-report', node: 'try-consent', history: ['danger-now'], answers: ['no'] });
    expect(back(next ?? start)).toEqual(start);
    expect(back(start)).toBeUndefined();
  });
});
