/**
 * "Copy for case notes" (issue 15, part 2), through the conversation core: at a
 * tree outcome, a practice debrief and a reflective summary, a plain-text
 * record of the questions, the answers chosen, the outcome, the guidance and
 * its sources, and the date and time; never anything typed, and saying that
 * it is guidance reached, not a record of what happened.
 */
import { describe, expect, it } from 'vitest';
import { defaultContentPaths, loadContentLibrary } from '../../src/core/content/library';
import { Assistant } from '../../src/core/conversation/assistant';
import { NOT_A_RECORD_OF_EVENTS } from '../../src/core/conversation/caseNote';
import type { Reply, Session, TurnResult } from '../../src/core/conversation/types';
import { documentsFrom, GuidanceSearch } from '../../src/core/search/search';
import { optionsAt } from '../../src/core/trees/engine';
import { PROJECT_ROOT } from '../../src/paths';

const library = loadContentLibrary(defaultContentPaths(PROJECT_ROOT));
const search = new GuidanceSearch(documentsFrom(library));
/** 6 December 2026, 20:50 UTC: 20:50 in the UK (GMT). */
const NOW = Date.UTC(2026, 11, 6, 20, 50);
const SENTINEL = 'Zebedee Quintrell';
const CASE_NOTE = { action: 'command', command: 'case-note' } as const;

const assistant = new Assistant(library, search, { idleTimeoutMs: 3_600_000, now: () => NOW, random: () => 0 });

const offers = (reply: Reply | undefined) => reply?.choices.map((c) => c.value) ?? [];

/** Walks a tree from its start, always taking the last option that does not raise the emergency reply, to an outcome. */
function walkToOutcome(treeId: string): { result: TurnResult; questions: Array<{ text: string; answer: string }> } {
  const tree = library.tree(treeId);
  if (!tree) throw new Error(`no tree ${treeId}`);
  // Something typed first, with a name in it: it must never reach the record.
  let result = assistant.respond({ text: `${SENTINEL} says he answers every question for her` }, undefined);
  result = assistant.respond({ value: { action: 'start', tree: treeId } }, result.session);
  const questions: Array<{ text: string; answer: string }> = [];
  for (let steps = 0; steps < 30; steps += 1) {
    const walk = result.session.walk;
    const node = walk ? tree.nodes[walk.node] : undefined;
    if (!walk || !node || node.type === 'outcome') break;
    const safe = node.type === 'question' ? node.options.filter((o) => !o.emergency) : [];
    const option = node.type === 'question' ? safe.at(-1) : optionsAt(node)[0];
    if (!option) throw new Error(`no way on from ${walk.node}`);
    if (node.type === 'question') questions.push({ text: node.text, answer: option.label });
    result = assistant.respond({ value: { action: 'choose', tree: treeId, node: walk.node, choice: option.id } }, result.session);
  }
  expect(result.replies.at(-1)).toMatchObject({ kind: 'tree', outcome: true });
  return { result, questions };
}

function caseNote(session: Session): Reply | undefined {
  return assistant.respond({ value: CASE_NOTE }, session).replies.at(-1);
}

describe('a case note at a tree outcome', () => {
  it('is offered at the outcome and records the questions, the answers chosen, the outcome, the sources and the time', () => {
    const { result, questions } = walkToOutcome('third-party-report');
    expect(offers(result.replies.at(-1))).toContainEqual(CASE_NOTE);
    const note = caseNote(result.session);
    expect(note?.kind).toBe('case-note');
    const record = note?.record ?? '';
    const tree = library.tree('third-party-report');
    const end = tree?.nodes[result.session.walk?.node ?? ''];
    expect(record).toContain(`Walk-through: ${tree?.title}`);
    expect(questions.length).toBeGreaterThan(0);
    questions.forEach((q, i) => expect(record).toContain(`${i + 1}. ${q.text} Answer: ${q.answer}`));
    expect(record).toContain(`Outcome: ${end?.text}`);
    expect(record).toContain('6 December 2026 at 20:50 (UK time)');
    expect(record).toContain(NOT_A_RECORD_OF_EVENTS);
    expect(record).toContain(library.cite(tree!.source).documentTitle);
    expect(record).not.toContain('Zebedee');
  });

  it('can also be asked for by typing, and works for a walk saved before answers were kept', () => {
    const { result, questions } = walkToOutcome('couples-housing');
    const walk = result.session.walk!;
    const { answers: _dropped, ...older } = walk;
    const typed = assistant.respond({ text: 'copy for case notes' }, { ...result.session, noted: { kind: 'tree', walk: older, at: NOW } });
    const record = typed.replies.at(-1)?.record ?? '';
    expect(questions.length).toBeGreaterThan(0);
    questions.forEach((q, i) => expect(record).toContain(`${i + 1}. ${q.text} Answer: ${q.answer}`));
  });

  it('before anything has been reached, says what offers it, with the menu', () => {
    const reply = caseNote(assistant.respond({ text: 'menu' }, undefined).session);
    expect(reply?.kind).toBe('menu');
    expect(reply?.sections[0]?.lines[0]).toMatch(/nothing to copy for case notes yet/);
  });
});

describe('a case note after practice', () => {
  it('at a debrief: the scenario, the score and each response chosen, with its grade', () => {
    const scenario = [...library.scenarios.values()][0]!;
    let result = assistant.respond({ value: { action: 'scenario', scenario: scenario.id } }, undefined);
    const chosen: string[] = [];
    for (let steps = 0; steps < 20 && result.session.scenario; steps += 1) {
      const moment = result.session.scenario.moment;
      const response = scenario.moments[moment]!.responses[0]!;
      chosen.push(response.label);
      result = assistant.respond({ value: { action: 'respond', scenario: scenario.id, moment, response: response.id } }, result.session, undefined);
    }
    const debrief = result.replies.at(-1);
    expect(debrief?.kind).toBe('debrief');
    expect(offers(debrief)).toContainEqual(CASE_NOTE);
    const record = caseNote(result.session)?.record ?? '';
    expect(record).toContain(`Practice scenario: ${scenario.title}`);
    expect(record).toContain(`Score: ${debrief?.score}%`);
    chosen.forEach((label) => expect(record).toContain(`Chosen: ${label}`));
  });

  it('after a reflective session: the prompts discussed or skipped, never the answers', () => {
    const reflection = [...library.reflections.values()][0]!;
    let result = assistant.respond({ value: { action: 'reflect', reflection: reflection.id } }, undefined);
    reflection.prompts.forEach((_prompt, i) => {
      result = assistant.respond({ text: i === 1 ? 'skip' : `${SENTINEL} was frightened, answer ${i}` }, result.session);
    });
    const summary = result.replies.at(-1);
    expect(summary?.kind).toBe('reflection-summary');
    expect(offers(summary)).toContainEqual(CASE_NOTE);
    const note = caseNote(result.session);
    const record = note?.record ?? '';
    expect(record).toContain(`Reflective session: ${reflection.title}`);
    expect(record).toContain(`1. ${reflection.prompts[0]!.prompt} (discussed)`);
    expect(record).toContain(`2. ${reflection.prompts[1]!.prompt} (skipped)`);
    expect(record).not.toContain('Zebedee');
    expect(JSON.stringify(result.session)).not.toContain('Zebedee');
  });
});
