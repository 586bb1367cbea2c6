/**
 * Graph checks for practice scenarios and reflective sessions, the part a
 * schema cannot express: every response leads to a moment that exists or to
 * the debrief, every moment can be reached, no path loops (so every path
 * ends at a debrief), every moment offers a safe response, and a reflective
 * session takes its six stages in order.
 */
import type { ContentFault } from './load';
import { REFLECTION_STAGES, type Reflection, type Scenario } from './schema';

export function validateScenarioGraph(scenario: Scenario, file: string): ContentFault[] {
  const faults: ContentFault[] = [];
  const moments = scenario.moments;
  if (!moments[scenario.start]) return [{ file, path: 'start', message: `start moment "${scenario.start}" does not exist` }];

  for (const [id, moment] of Object.entries(moments)) {
    const seen = new Set<string>();
    const labels = new Set<string>();
    moment.responses.forEach((response, i) => {
      const at = `moments.${id}.responses[${i}]`;
      if (seen.has(response.id)) faults.push({ file, path: `${at}.id`, message: `response id "${response.id}" is used twice in this moment` });
      seen.add(response.id);
      const label = response.label.trim().toLowerCase();
      if (labels.has(label)) faults.push({ file, path: `${at}.label`, message: `label "${response.label}" is used twice in this moment` });
      labels.add(label);
      if (response.next !== undefined && !moments[response.next]) {
        faults.push({ file, path: `${at}.next`, message: `"${response.next}" is not a moment in this scenario` });
      }
    });
    if (!moment.responses.some((r) => r.grade === 'safe')) {
      faults.push({ file, path: `moments.${id}`, message: 'every moment needs at least one response graded safe' });
    }
  }
  if (faults.length > 0) return faults;

  const reached = new Set([scenario.start]);
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string, trail: string[]): void => {
    colour.set(id, 'grey');
    for (const { next } of moments[id]?.responses ?? []) {
      if (next === undefined) continue;
      reached.add(next);
      if (colour.get(next) === 'grey') {
        faults.push({ file, path: `moments.${id}`, message: `cycle ${[...trail.slice(trail.indexOf(next)), id, next].join(' -> ')}: a scenario must move forward` });
      } else if (!colour.has(next)) {
        visit(next, [...trail, id]);
      }
    }
    colour.set(id, 'black');
  };
  visit(scenario.start, []);
  for (const id of Object.keys(moments)) {
    if (!reached.has(id)) faults.push({ file, path: `moments.${id}`, message: `moment "${id}" cannot be reached from the start` });
  }
  return faults;
}

/** Every path through a scenario, as the response chosen at each moment; used to walk them all in tests. */
export function enumerateScenarioPaths(scenario: Scenario): Array<Array<{ moment: string; response: string }>> {
  const paths: Array<Array<{ moment: string; response: string }>> = [];
  const walk = (id: string, trail: Array<{ moment: string; response: string }>) => {
    for (const response of scenario.moments[id]?.responses ?? []) {
      const step = [...trail, { moment: id, response: response.id }];
      if (response.next === undefined) paths.push(step);
      else walk(response.next, step);
    }
  };
  walk(scenario.start, []);
  return paths;
}

export function validateReflectionOrder(reflection: Reflection, file: string): ContentFault[] {
  const faults: ContentFault[] = [];
  const ids = new Set<string>();
  reflection.prompts.forEach((prompt, i) => {
    if (ids.has(prompt.id)) faults.push({ file, path: `prompts[${i}].id`, message: `prompt id "${prompt.id}" is used twice` });
    ids.add(prompt.id);
    const previous = reflection.prompts[i - 1];
    if (previous && REFLECTION_STAGES.indexOf(prompt.stage) < REFLECTION_STAGES.indexOf(previous.stage)) {
      faults.push({ file, path: `prompts[${i}].stage`, message: `stage "${prompt.stage}" comes before "${previous.stage}": keep the stages in order (${REFLECTION_STAGES.join(', ')})` });
    }
  });
  const missing = REFLECTION_STAGES.filter((stage) => !reflection.prompts.some((p) => p.stage === stage));
  if (missing.length > 0) faults.push({ file, path: 'prompts', message: `missing stage(s): ${missing.join(', ')}` });
  return faults;
}
