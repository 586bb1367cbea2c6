/**
 * Walking a reflective session: the prompt reached and the answers typed so
 * far. The answers are the one place Waypoint holds what someone typed: they
 * live in conversation state for the length of the session only, are shown
 * back as a summary at the end and then dropped with the run.
 */
import type { Reflection } from '../content/schema';

export interface ReflectionRun {
  reflection: string;
  /** Index of the current prompt. */
  index: number;
  /** One per prompt answered or skipped (null), in order; deleted when the session ends. */
  answers: Array<string | null>;
  /** Set while the menu or help is open over the session, so typing is not taken as an answer until `resume`. */
  paused?: boolean;
}

/** The longest answer kept; a reflective answer is a few sentences, not a document. */
export const MAX_ANSWER_CHARS = 2000;

export function startReflection(reflection: Reflection): ReflectionRun {
  return { reflection: reflection.id, index: 0, answers: [] };
}

/** The run after an answer (or a skip, null); past the last prompt when that was the last (see finished). */
export function answer(run: ReflectionRun, text: string | null): ReflectionRun {
  const answers = [...run.answers.slice(0, run.index), text === null ? null : text.slice(0, MAX_ANSWER_CHARS)];
  return { reflection: run.reflection, index: run.index + 1, answers };
}

export function finished(reflection: Reflection, run: ReflectionRun): boolean {
  return run.index >= reflection.prompts.length;
}

/** Back to the previous prompt; its answer is dropped so it can be given again. */
export function stepBack(run: ReflectionRun): ReflectionRun | undefined {
  if (run.index === 0) return undefined;
  return { reflection: run.reflection, index: run.index - 1, answers: run.answers.slice(0, run.index - 1) };
}
