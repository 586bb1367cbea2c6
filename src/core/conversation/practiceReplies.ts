/**
 * Replies for practice (scenarios, grades, debriefs, progress) and for
 * reflective sessions (prompts and the closing summary). Pure functions:
 * content and state in, Reply out.
 */
import type { ContentLibrary } from '../content/library';
import type { Reflection, Scenario, ScenarioResponse } from '../content/schema';
import { REFLECTION_STAGES } from '../content/schema';
import type { ReflectionRun } from '../practice/reflections';
import { GRADE_LABEL, type Debrief, type PracticeProgress, type ScenarioRun } from '../practice/scenarios';
import { CASE_NOTE } from './caseNote';
import { MENU, publicSourceLine, readChoices } from './replies';
import type { Choice, Reply, ReplySection } from './types';

const PRACTICE: Choice = { label: 'Another scenario', value: { action: 'command', command: 'practice' } };

export const REFLECTION_PRIVACY =
  'What you type stays in this conversation only while the session runs. At the end you get a summary to copy into your own records, then I delete the answers. Nothing from the session is logged or kept.';

const STAGE_NAMES: Record<(typeof REFLECTION_STAGES)[number], string> = {
  'what-happened': 'What happened',
  'thoughts-and-feelings': 'Thoughts and feelings',
  'went-well-and-hard': 'What went well, and what was hard',
  'making-sense': 'Making sense of it',
  'next-time': 'Next time',
  support: 'Support',
};

/** `practice`: the scenarios to choose from, with the trainee's best so far. */
export function practiceListReply(library: ContentLibrary, progress: PracticeProgress | undefined): Reply {
  const scenarios = [...library.scenarios.values()];
  const done = scenarios.filter((s) => progress?.scenarios[s.id]).length;
  return {
    kind: 'menu',
    title: 'Practise a scenario',
    sections: [
      {
        style: 'text',
        lines: [
          'Pick a scenario. At each moment choose what you would do; I grade each choice as safe, partly safe, collusive or unsafe and say why, with the guidance behind it.',
          `You have completed ${done} of ${scenarios.length}. Type "my progress" for your record.`,
        ],
      },
    ],
    choices: [
      ...scenarios.map((s) => ({ label: s.title, value: { action: 'scenario' as const, scenario: s.id } })),
      { label: 'A random scenario', value: { action: 'command', command: 'random-scenario' } },
      MENU,
    ],
  };
}

/** A moment of a scenario: the scene first when it starts, then what happens now and the responses. */
export function scenarioMomentReply(scenario: Scenario, run: ScenarioRun, library: ContentLibrary, note?: string): Reply {
  const moment = scenario.moments[run.moment];
  const sections: ReplySection[] = [];
  if (note) sections.push({ style: 'text', lines: [note] });
  if (run.path.length === 0) {
    sections.push({
      heading: 'The scene',
      style: 'bullets',
      lines: [`Where: ${scenario.scene.setting}`, `Who is there: ${scenario.scene.present}`, `So far: ${scenario.scene.happened}`],
    });
  }
  sections.push({ style: 'text', lines: [moment?.text ?? '', 'What do you do?'] });
  return {
    kind: 'scenario',
    id: scenario.id,
    step: run.moment,
    title: run.path.length === 0 ? scenario.title : undefined,
    sections,
    choices: (moment?.responses ?? []).map((r) => ({
      label: r.label,
      value: { action: 'respond' as const, scenario: scenario.id, moment: run.moment, response: r.id },
    })),
    source: library.cite(scenario.source),
  };
}

/** The grade of a response and why, cited, with the cards that explain it. */
export function gradeReply(library: ContentLibrary, scenario: Scenario, moment: string, response: ScenarioResponse): Reply {
  const also = publicSourceLine(library, response.publicSources);
  return {
    kind: 'grade',
    id: scenario.id,
    step: moment,
    grade: response.grade,
    title: GRADE_LABEL[response.grade],
    sections: [
      { style: 'text', lines: [`You chose: “${response.label}”`] },
      { style: 'text', lines: [response.feedback] },
      ...(also ? [also] : []),
    ],
    choices: readChoices(library, response.read),
    source: library.cite(response.source),
  };
}

export function debriefReply(library: ContentLibrary, scenario: Scenario, result: Debrief): Reply {
  const sections: ReplySection[] = [
    { style: 'text', lines: [`Score: ${result.score}%. Overall: ${GRADE_LABEL[result.grade].toLowerCase()} (your least safe choice).`] },
    { heading: 'Your path', style: 'bullets', lines: result.steps.map((s) => `${s.label} (${GRADE_LABEL[s.grade].toLowerCase()})`) },
  ];
  if (result.wentWell.length > 0) sections.push({ heading: 'What went well', style: 'bullets', lines: result.wentWell });
  if (result.differently.length > 0) sections.push({ heading: 'What to do differently', style: 'bullets', lines: result.differently });
  return {
    kind: 'debrief',
    id: scenario.id,
    score: result.score,
    grade: result.grade,
    title: `Debrief: ${scenario.title}`,
    sections,
    choices: [
      ...readChoices(library, result.cards),
      { label: 'Try this one again', value: { action: 'scenario', scenario: scenario.id } },
      CASE_NOTE,
      PRACTICE,
      MENU,
    ],
    source: library.cite(scenario.source),
  };
}

/** `my progress`: scenarios completed and the best grade and score for each. */
export function progressReply(library: ContentLibrary, progress: PracticeProgress | undefined): Reply {
  const scenarios = [...library.scenarios.values()];
  const lines = scenarios.flatMap((s) => {
    const record = progress?.scenarios[s.id];
    return record
      ? [`${s.title}: best ${GRADE_LABEL[record.bestGrade].toLowerCase()}, ${record.bestScore}% (done ${record.completed} time${record.completed === 1 ? '' : 's'})`]
      : [];
  });
  const done = lines.length;
  return {
    kind: 'progress',
    title: 'Your practice',
    sections: [
      { style: 'text', lines: [`${done} of ${scenarios.length} scenarios completed.`] },
      ...(done > 0 ? [{ style: 'bullets' as const, lines }] : []),
    ],
    choices: [{ label: 'Practise a scenario', value: { action: 'command', command: 'practice' } }, MENU],
  };
}

/** `reflect`: the sessions to choose from, and what happens to what is typed. */
export function reflectListReply(library: ContentLibrary): Reply {
  return {
    kind: 'menu',
    title: 'Reflective sessions',
    sections: [
      {
        style: 'text',
        lines: [
          'A structured session for a supervisor to run with a worker or a team: what happened, thoughts and feelings, what went well and what was hard, making sense of it with the guidance, next time, and support.',
          REFLECTION_PRIVACY,
        ],
      },
    ],
    choices: [
      ...[...library.reflections.values()].map((r) => ({ label: r.title, value: { action: 'reflect' as const, reflection: r.id } })),
      MENU,
    ],
  };
}

/** A prompt of a reflective session: the privacy note first when it starts. */
export function reflectionPromptReply(library: ContentLibrary, reflection: Reflection, run: ReflectionRun, note?: string): Reply {
  const prompt = reflection.prompts[run.index];
  const sections: ReplySection[] = [];
  if (note) sections.push({ style: 'text', lines: [note] });
  if (run.index === 0) sections.push({ style: 'text', lines: [reflection.summary, REFLECTION_PRIVACY] });
  if (prompt) {
    sections.push({ heading: `${STAGE_NAMES[prompt.stage]} (${run.index + 1} of ${reflection.prompts.length})`, style: 'text', lines: [prompt.prompt] });
    if (prompt.hints.length > 0) sections.push({ style: 'bullets', lines: prompt.hints });
    sections.push({ style: 'text', lines: ['Type your answer, or skip this one.'] });
  }
  return {
    kind: 'reflection',
    id: reflection.id,
    step: prompt?.id,
    title: run.index === 0 ? reflection.title : undefined,
    sections,
    choices: [
      ...readChoices(library, prompt?.cards ?? []),
      { label: 'Skip this one', value: { action: 'command', command: 'skip' } },
      { label: 'End the session', value: { action: 'command', command: 'cancel' } },
    ],
    source: prompt ? library.cite(prompt.source) : library.cite(reflection.source),
  };
}

/** The end of a session: every prompt with its answer, to copy; the answers are deleted as this is sent. */
export function reflectionSummaryReply(reflection: Reflection, run: ReflectionRun): Reply {
  return {
    kind: 'reflection-summary',
    id: reflection.id,
    title: `Summary: ${reflection.title}`,
    sections: [
      ...reflection.prompts.map((prompt, i) => ({
        heading: prompt.prompt,
        style: 'text' as const,
        lines: [run.answers[i] ?? '(skipped)'],
      })),
      { style: 'text', lines: ['Copy this into your own records now. I have deleted these answers from Waypoint, and nothing from the session was logged.'] },
    ],
    choices: [CASE_NOTE, MENU],
  };
}
