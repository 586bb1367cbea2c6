/**
 * The graph checks for scenarios and reflective sessions catch what a schema
 * cannot: dangling or looping responses, unreachable moments, moments with no
 * safe response, and reflective stages out of order or missing.
 */
import { describe, expect, it } from 'vitest';
import { Reflection, Scenario } from '../../src/core/content/schema';
import { enumerateScenarioPaths, validateReflectionOrder, validateScenarioGraph } from '../../src/core/content/validatePractice';

const source = { document: 'homelessness-da-guidance', section: 'faq-humour' };
const response = (id: string, grade: string, next?: string) => ({ id, label: `Do ${id}`, grade, feedback: 'Because.', source, ...(next ? { next } : {}) });

function scenario(moments: Record<string, unknown>, start = 'one') {
  return Scenario.parse({
    id: 'test-scenario',
    title: 'Test',
    summary: 'A test.',
    scene: { setting: 'A hostel.', present: 'Two residents.', happened: 'Nothing yet.' },
    source,
    start,
    moments,
  });
}

const messages = (faults: Array<{ message: string }>) => faults.map((f) => f.message).join('\n');

describe('scenario graphs', () => {
  it('accept a branching scenario whose every path ends, and enumerate each path', () => {
    const good = scenario({
      one: { text: 'He speaks for her.', responses: [response('ask-her', 'safe', 'two'), response('laugh', 'collusive', 'harder')] },
      two: { text: 'She answers.', responses: [response('listen', 'safe'), response('rush', 'partly-safe')] },
      harder: { text: 'He grins at you.', responses: [response('name-it', 'safe'), response('agree', 'unsafe')] },
    });
    expect(validateScenarioGraph(good, 'x.yaml')).toEqual([]);
    expect(enumerateScenarioPaths(good).map((p) => p.map((s) => s.response).join('>'))).toEqual([
      'ask-her>listen',
      'ask-her>rush',
      'laugh>name-it',
      'laugh>agree',
    ]);
  });

  it('refuse a missing start, a dangling next, a loop, an unreachable moment and a moment with no safe response', () => {
    expect(messages(validateScenarioGraph(scenario({ one: { text: 'x', responses: [response('a', 'safe'), response('b', 'unsafe')] } }, 'nope'), 'x.yaml'))).toMatch(/start moment "nope"/);
    expect(messages(validateScenarioGraph(scenario({ one: { text: 'x', responses: [response('a', 'safe', 'nowhere'), response('b', 'unsafe')] } }), 'x.yaml'))).toMatch(/"nowhere" is not a moment/);
    const loop = scenario({
      one: { text: 'x', responses: [response('a', 'safe', 'two'), response('b', 'unsafe')] },
      two: { text: 'y', responses: [response('c', 'safe', 'one'), response('d', 'unsafe')] },
      lost: { text: 'z', responses: [response('e', 'safe'), response('f', 'unsafe')] },
    });
    const faults = messages(validateScenarioGraph(loop, 'x.yaml'));
    expect(faults).toMatch(/cycle one -> two -> one/);
    expect(faults).toMatch(/"lost" cannot be reached/);
    expect(messages(validateScenarioGraph(scenario({ one: { text: 'x', responses: [response('a', 'partly-safe'), response('b', 'unsafe')] } }), 'x.yaml'))).toMatch(/at least one response graded safe/);
  });
});

describe('reflective sessions', () => {
  const prompt = (id: string, stage: string) => ({ id, stage, prompt: `Ask ${id}?`, source });
  const stages = ['what-happened', 'thoughts-and-feelings', 'went-well-and-hard', 'making-sense', 'next-time', 'support'];
  const session = (prompts: unknown[]) => Reflection.parse({ id: 'test-session', title: 'Test', summary: 'A test.', for: ['worker'], source, prompts });

  it('accept the six stages in order, a stage taking two prompts', () => {
    expect(validateReflectionOrder(session([...stages.map((s) => prompt(s, s)), prompt('more-support', 'support')]), 'x.yaml')).toEqual([]);
  });

  it('refuse stages out of order, a missing stage and a repeated prompt id', () => {
    const swapped = session([prompt('a', 'thoughts-and-feelings'), prompt('b', 'what-happened'), ...stages.slice(2).map((s) => prompt(s, s))]);
    expect(messages(validateReflectionOrder(swapped, 'x.yaml'))).toMatch(/comes before "thoughts-and-feelings"/);
    const missing = session([...stages.filter((s) => s !== 'support').map((s) => prompt(s, s)), prompt('again', 'next-time')]);
    expect(messages(validateReflectionOrder(missing, 'x.yaml'))).toMatch(/missing stage\(s\): support/);
    const repeated = session([...stages.map((s) => prompt(s, s)), prompt('support', 'support')]);
    expect(messages(validateReflectionOrder(repeated, 'x.yaml'))).toMatch(/prompt id "support" is used twice/);
  });
});
