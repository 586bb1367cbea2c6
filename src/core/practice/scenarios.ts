/**
 * Walking a practice scenario: where the trainee is, the responses chosen so
 * far, and the debrief at the end. Pure functions over the scenario's data;
 * the state is small and holds ids only, never anything typed.
 */
import type { Grade, Scenario, ScenarioResponse } from '../content/schema';

export interface ScenarioRun {
  scenario: string;
  moment: string;
  /** Responses chosen so far, oldest first. */
  path: Array<{ moment: string; response: string }>;
}

/** Grades from best to worst; a path's overall grade is its worst response. */
export const GRADE_ORDER: readonly Grade[] = ['safe', 'partly-safe', 'collusive', 'unsafe'];

/** Points toward the score: only safe and partly safe responses earn any. */
const POINTS: Record<Grade, number> = { safe: 2, 'partly-safe': 1, collusive: 0, unsafe: 0 };

export const GRADE_LABEL: Record<Grade, string> = {
  safe: 'Safe',
  'partly-safe': 'Partly safe',
  collusive: 'Collusive',
  unsafe: 'Unsafe',
};

export function startScenario(scenario: Scenario): ScenarioRun {
  return { scenario: scenario.id, moment: scenario.start, path: [] };
}

export function responseAt(scenario: Scenario, moment: string, responseId: string): ScenarioResponse | undefined {
  return scenario.moments[moment]?.responses.find((r) => r.id === responseId);
}

/** The run after a response: at the next moment, or finished (`next` undefined) when the response ends the scenario. */
export function respond(scenario: Scenario, run: ScenarioRun, responseId: string): { response: ScenarioResponse; next?: ScenarioRun } | undefined {
  const response = responseAt(scenario, run.moment, responseId);
  if (!response) return undefined;
  const path = [...run.path, { moment: run.moment, response: response.id }];
  return { response, next: response.next ? { scenario: scenario.id, moment: response.next, path } : undefined };
}

/** One step back: the previous moment, with its choice undone. */
export function stepBack(run: ScenarioRun): ScenarioRun | undefined {
  const last = run.path.at(-1);
  return last ? { ...run, moment: last.moment, path: run.path.slice(0, -1) } : undefined;
}

export interface Debrief {
  /** 0-100: the share of the best possible points on this path. */
  score: number;
  /** The worst grade on the path. */
  grade: Grade;
  steps: Array<{ label: string; grade: Grade }>;
  wentWell: string[];
  /** For each response that was not safe: what the guidance says, and the safe option there. */
  differently: string[];
  cards: string[];
}

export function debrief(scenario: Scenario, path: ScenarioRun['path']): Debrief {
  const chosen = path.flatMap(({ moment, response }) => {
    const found = responseAt(scenario, moment, response);
    return found ? [{ moment, response: found }] : [];
  });
  const points = chosen.reduce((sum, { response }) => sum + POINTS[response.grade], 0);
  const worst = chosen.reduce<Grade>(
    (grade, { response }) => (GRADE_ORDER.indexOf(response.grade) > GRADE_ORDER.indexOf(grade) ? response.grade : grade),
    'safe',
  );
  const safeOption = (moment: string) => scenario.moments[moment]?.responses.find((r) => r.grade === 'safe')?.label;
  return {
    score: chosen.length === 0 ? 0 : Math.round((100 * points) / (2 * chosen.length)),
    grade: worst,
    steps: chosen.map(({ response }) => ({ label: response.label, grade: response.grade })),
    wentWell: chosen.filter(({ response }) => response.grade === 'safe').map(({ response }) => `“${response.label}”: ${response.feedback}`),
    differently: chosen
      .filter(({ response }) => response.grade !== 'safe')
      .map(({ moment, response }) => `Instead of “${response.label}”, a safe option was “${safeOption(moment) ?? 'not listed'}”. ${response.feedback}`),
    cards: [...new Set([...chosen.flatMap(({ response }) => response.read), ...scenario.debrief.cards])],
  };
}

/** A trainee's record, kept per user: numbers and grades only, never anything typed. */
export interface PracticeProgress {
  scenarios: Record<string, { completed: number; bestScore: number; bestGrade: Grade }>;
}

export function recordResult(progress: PracticeProgress | undefined, scenarioId: string, result: Debrief): PracticeProgress {
  const previous = progress?.scenarios[scenarioId];
  const better = (a: Grade, b: Grade) => (GRADE_ORDER.indexOf(a) <= GRADE_ORDER.indexOf(b) ? a : b);
  return {
    scenarios: {
      ...progress?.scenarios,
      [scenarioId]: {
        completed: (previous?.completed ?? 0) + 1,
        bestScore: Math.max(previous?.bestScore ?? 0, result.score),
        bestGrade: previous ? better(previous.bestGrade, result.grade) : result.grade,
      },
    },
  };
}
