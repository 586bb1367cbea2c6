/**
 * The couples-housing walk puts safety before logistics (issue 13): every path to a housing
 * outcome passes "spoken with her on her own" and a risk assessment, the danger-now answer raises
 * the emergency reply, and every outcome tells the worker to record, tell and protect.
 */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import type { Tree } from '../../src/core/content/schema';
import { enumeratePaths } from '../../src/core/content/validate';
import { Assistant } from '../../src/core/conversation/assistant';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const tree = library.tree('couples-housing') as Tree;

/** The outcomes that end a walk before any housing decision: the emergency, and "see her alone first". */
const BEFORE_HOUSING = new Set(['after-emergency', 'get-time-alone']);
/** Answers that say the risk has been assessed with her, and what it showed. */
const ASSESSED = new Set(['risk-assessed:high', 'risk-assessed:not-high', 'dash-result:high', 'dash-result:not-high']);

const paths = enumeratePaths(tree);
const steps = (path: (typeof paths)[number]) => path.map((step) => (step.choice ? `${step.node}:${step.choice}` : step.node));

describe('couples-housing: safety before logistics', () => {
  it('starts by asking whether anyone is in danger now', () => {
    expect(tree.start).toBe('danger-now');
    for (const path of paths) expect(path[0]?.node).toBe('danger-now');
  });

  it('reaches no housing outcome without her being seen alone and the risk assessed with her', () => {
    const housing = paths.filter((path) => !BEFORE_HOUSING.has(path.at(-1)?.node ?? ''));
    expect(housing.length).toBeGreaterThan(5);
    for (const path of housing) {
      const walked = steps(path);
      const alone = walked.indexOf('spoken-alone:yes');
      const assessed = walked.findIndex((step) => ASSESSED.has(step));
      expect(alone, walked.join(' > ')).toBeGreaterThanOrEqual(0);
      expect(assessed, walked.join(' > ')).toBeGreaterThan(alone);
    }
  });

  it('never lets "not sure" about the risk skip the assessment', () => {
    for (const path of paths.filter((p) => steps(p).includes('risk-assessed:not-done'))) {
      expect(steps(path), steps(path).join(' > ')).toContain('do-dash:continue');
      expect(steps(path).some((step) => step.startsWith('dash-result:'))).toBe(true);
    }
  });

  it('ends at "see her alone first" when she has not been, and offers the walk-through for it', () => {
    const notSeen = paths.filter((p) => steps(p).includes('spoken-alone:no'));
    expect(notSeen.length).toBeGreaterThan(0);
    for (const path of notSeen) expect(path.at(-1)?.node).toBe('get-time-alone');
    const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 60_000 });
    let turn = assistant.respond({ value: { action: 'start', tree: 'couples-housing' } }, undefined);
    turn = assistant.respond({ value: { action: 'choose', tree: 'couples-housing', node: 'danger-now', choice: 'no' } }, turn.session);
    turn = assistant.respond({ value: { action: 'choose', tree: 'couples-housing', node: 'spoken-alone', choice: 'no' } }, turn.session);
    const walkOn = turn.replies.at(-1)?.choices.find((choice) => choice.label.startsWith('Walk through:'));
    expect(walkOn?.value).toEqual({ action: 'start', tree: 'survivor-always-with-perpetrator' });
  });

  it('answers "someone is in danger now" with the emergency reply, then carries on once they are safe', () => {
    const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 60_000 });
    let turn = assistant.respond({ value: { action: 'start', tree: 'couples-housing' } }, undefined);
    turn = assistant.respond({ value: { action: 'choose', tree: 'couples-housing', node: 'danger-now', choice: 'yes' } }, turn.session);
    expect(turn.replies.map((r) => r.kind)).toEqual(['emergency']);
    expect(turn.replies[0]?.danger).toBe('now:tree-answer');
    turn = assistant.respond({ value: { action: 'command', command: 'resume' } }, turn.session);
    expect(turn.replies[0]?.node).toBe('after-emergency');
  });

  it('tells the worker at every outcome to record the decision, tell the DA lead or manager, and keep her information from him', () => {
    const assistant = new Assistant(library, new GuidanceSearch(documentsFrom(library)), { idleTimeoutMs: 60_000 });
    for (const path of paths) {
      let turn = assistant.respond({ value: { action: 'start', tree: 'couples-housing' } }, undefined);
      for (const step of path.slice(0, -1)) {
        turn = assistant.respond({ value: { action: 'choose', tree: 'couples-housing', node: step.node, choice: step.choice } }, turn.session);
        if (turn.replies[0]?.kind === 'emergency') turn = assistant.respond({ value: { action: 'command', command: 'resume' } }, turn.session);
      }
      const outcome = turn.replies.at(-1);
      expect(outcome?.outcome, steps(path).join(' > ')).toBe(true);
      const text = outcome?.sections.flatMap((section) => section.lines).join(' ') ?? '';
      expect(text).toMatch(/record the decision, who made it/i);
      expect(text).toMatch(/domestic abuse lead or your manager/i);
      expect(text).toMatch(/away from him/i);
    }
  });
});
