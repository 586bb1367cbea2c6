/**
 * "Copy for case notes": a plain-text record of the guidance a worker reached
 * (a tree outcome, a practice debrief, a reflective session), to paste into a
 * case management system. It is built only from content and the options
 * chosen (ids kept in the session), so it holds nothing anyone typed: no
 * names, no places, no reflective answers. It says what it is: guidance
 * reached, not a record of what happened.
 */
import { citationLine, type Citation, type ContentLibrary } from '../content/library';
import type { Tree } from '../content/schema';
import * as scenarios from '../practice/scenarios';
import type { TreeWalk } from '../trees/engine';
import { CONTINUE } from '../trees/engine';
import type { Choice, NotedGuidance, Reply } from './types';
import { ukTime } from './ukTime';

export const CASE_NOTE: Choice = { label: 'Copy for case notes', value: { action: 'command', command: 'case-note' } };

/** Said at the top and foot of every record. */
export const NOT_A_RECORD_OF_EVENTS =
  'This is the guidance reached in Waypoint, not a record of what happened. Add what happened, and what you did, in your own words.';

/** The record for what was last reached, or undefined when its content no longer exists. */
export function caseNoteReply(library: ContentLibrary, noted: NotedGuidance): Reply | undefined {
  const body = recordBody(library, noted);
  if (!body) return undefined;
  const record = [
    `Waypoint guidance record, ${ukTime(noted.at)} (UK time)`,
    NOT_A_RECORD_OF_EVENTS,
    '',
    ...body.lines,
    '',
    'Sources:',
    ...[...new Set(body.sources.map(citationLine))].map((line) => `- ${line.replace(/^From: /, '')}`),
  ].join('\n');
  return {
    kind: 'case-note',
    id: body.id,
    title: 'For your case notes',
    sections: [
      { style: 'text', lines: ['Copy the text below into your case notes. It holds nothing you typed into Waypoint.'] },
    ],
    record,
    choices: [],
  };
}

interface RecordBody {
  id: string;
  lines: string[];
  sources: Citation[];
}

function recordBody(library: ContentLibrary, noted: NotedGuidance): RecordBody | undefined {
  switch (noted.kind) {
    case 'tree': {
      const tree = library.tree(noted.walk.tree);
      return tree ? treeRecord(library, tree, noted.walk) : undefined;
    }
    case 'scenario': {
      const scenario = library.scenario(noted.scenario);
      if (!scenario) return undefined;
      const result = scenarios.debrief(scenario, noted.path);
      const steps = noted.path.flatMap(({ moment, response }) => {
        const at = scenario.moments[moment];
        const chosen = at?.responses.find((r) => r.id === response);
        return at && chosen ? [{ at, chosen }] : [];
      });
      return {
        id: scenario.id,
        lines: [
          `Practice scenario: ${scenario.title}`,
          `Score: ${result.score}%`,
          '',
          'Responses chosen:',
          ...steps.map(({ at, chosen }, i) => `${i + 1}. ${at.text} Chosen: ${chosen.label} (${chosen.grade.replace('-', ' ')})`),
        ],
        sources: [library.cite(scenario.source), ...steps.map(({ chosen }) => library.cite(chosen.source))],
      };
    }
    case 'reflection': {
      const reflection = library.reflection(noted.reflection);
      if (!reflection) return undefined;
      const covered = reflection.prompts.map((p, i) => `${i + 1}. ${p.prompt} (${noted.answered[i] ? 'discussed' : 'skipped'})`);
      return {
        id: reflection.id,
        lines: [`Reflective session: ${reflection.title}`, '', 'Prompts (the answers are not kept):', ...covered],
        sources: [library.cite(reflection.source), ...reflection.prompts.map((p) => library.cite(p.source))],
      };
    }
  }
}

function treeRecord(library: ContentLibrary, tree: Tree, walk: TreeWalk): RecordBody {
  const lines = [`Walk-through: ${tree.title}`, '', 'Questions and the answers chosen:'];
  const sources = [library.cite(tree.source)];
  let asked = 0;
  walk.history.forEach((nodeId, i) => {
    const node = tree.nodes[nodeId];
    if (!node) return;
    sources.push(library.cite(node.source));
    if (node.type !== 'question') return;
    asked += 1;
    const next = walk.history[i + 1] ?? walk.node;
    // Walks saved before answers were kept: the option that leads where the walk went next.
    const answerId = walk.answers?.[i] ?? node.options.find((o) => o.next === next)?.id;
    const label = node.options.find((o) => o.id === answerId && answerId !== CONTINUE)?.label ?? 'not known';
    lines.push(`${asked}. ${node.text} Answer: ${label}`);
  });
  if (asked === 0) lines.push('(none)');
  const end = tree.nodes[walk.node];
  if (end) {
    sources.push(library.cite(end.source));
    lines.push('', `Outcome: ${end.text}`, ...end.points.map((p) => `- ${p}`));
    if (end.type === 'outcome' && tree.outcomeChecklist.length > 0) lines.push('', 'Whatever happens next:', ...tree.outcomeChecklist.map((p) => `- ${p}`));
  }
  return { id: tree.id, lines, sources };
}
