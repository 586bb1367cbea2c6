/**
 * The practice and reflect modes: choosing and walking scenarios (grading
 * each response, the debrief, the trainee's record) and running reflective
 * sessions (typed answers kept only until the session ends). The assistant
 * routes to these; like it, they do no I/O.
 */
import type { ContentLibrary } from '../content/library';
import * as reflections from '../practice/reflections';
import * as scenarios from '../practice/scenarios';
import {
  debriefReply,
  gradeReply,
  practiceListReply,
  progressReply,
  reflectionPromptReply,
  reflectionSummaryReply,
  reflectListReply,
  scenarioMomentReply,
} from './practiceReplies';
import { leftBehindReply, menuReply, noticeReply } from './replies';
import { UNREAD, type ProgressInput, type Session, type TurnResult } from './types';

/** Said when starting something else closes a reflective session. */
export const REFLECTION_CLOSED = 'I have closed the reflective session and deleted its answers.';

export class Practice {
  constructor(
    private readonly library: ContentLibrary,
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a scenario or reflective session is under way. */
  active(session: Session): boolean {
    return session.scenario !== undefined || session.reflection !== undefined;
  }

  /** The session with no scenario or reflective session (and so no reflective answers), and what to tell the user. */
  end(session: Session): { session: Session; note?: string } {
    const note = session.reflection ? REFLECTION_CLOSED : undefined;
    return { session: { ...session, scenario: undefined, reflection: undefined }, note };
  }

  list(session: Session, progress: ProgressInput): TurnResult {
    if (progress === UNREAD) return { session, replies: [], needsProgress: true };
    return { session, replies: [practiceListReply(this.library, progress)] };
  }

  showProgress(session: Session, progress: ProgressInput): TurnResult {
    if (progress === UNREAD) return { session, replies: [], needsProgress: true };
    return { session, replies: [progressReply(this.library, progress)] };
  }

  startScenario(id: string, session: Session): TurnResult | undefined {
    const scenario = this.library.scenario(id);
    if (!scenario) return undefined;
    const { session: cleared, note } = this.end(session);
    const run = scenarios.startScenario(scenario);
    return { session: { ...cleared, walk: undefined, scenario: run }, replies: [scenarioMomentReply(scenario, run, this.library, note)] };
  }

  /** A scenario not yet completed if there is one, otherwise any. */
  randomScenario(session: Session, progress: ProgressInput): TurnResult | undefined {
    if (progress === UNREAD) return { session, replies: [], needsProgress: true };
    const all = [...this.library.scenarios.keys()];
    const fresh = all.filter((id) => !progress?.scenarios[id]);
    const pool = fresh.length > 0 ? fresh : all;
    const id = pool[Math.floor(this.random() * pool.length)];
    return id ? this.startScenario(id, session) : undefined;
  }

  /** A response button: graded and explained, then the next moment or the debrief (which updates the record). */
  respond(
    press: { scenario: string; moment: string; response: string },
    session: Session,
    progress: ProgressInput,
  ): TurnResult {
    const scenario = this.library.scenario(press.scenario);
    const run = session.scenario;
    if (!scenario) return { session, replies: [noticeReply(this.library, "That scenario isn't available any more. Here is the menu.")] };
    if (!run || run.scenario !== scenario.id) {
      return {
        session,
        replies: [leftBehindReply(this.library, 'scenario', scenario.title, { action: 'scenario', scenario: scenario.id })],
      };
    }
    if (run.moment !== press.moment) {
      return this.current(session, 'That moment was already answered. Here is where you are now.') ?? { session, replies: [] };
    }
    const step = scenarios.respond(scenario, run, press.response);
    if (!step) return this.current(session, "That isn't one of the responses here. Please pick one below.") ?? { session, replies: [] };
    const graded = gradeReply(this.library, scenario, run.moment, step.response);
    if (step.next) {
      return { session: { ...session, scenario: step.next }, replies: [graded, scenarioMomentReply(scenario, step.next, this.library)] };
    }
    // The last moment: the debrief updates the trainee's record.
    if (progress === UNREAD) return { session, replies: [], needsProgress: true };
    const path = [...run.path, { moment: run.moment, response: step.response.id }];
    const result = scenarios.debrief(scenario, path);
    return {
      // Kept for a case note: the responses chosen (ids).
      session: { ...session, scenario: undefined, noted: { kind: 'scenario', scenario: scenario.id, path, at: this.now() } },
      replies: [graded, debriefReply(this.library, scenario, result)],
      progress: scenarios.recordResult(progress, scenario.id, result),
    };
  }

  reflectList(session: Session): TurnResult {
    return { session, replies: [reflectListReply(this.library)] };
  }

  startReflection(id: string, session: Session, restartNote?: string): TurnResult | undefined {
    const reflection = this.library.reflection(id);
    if (!reflection) return undefined;
    const { session: cleared, note: closed } = this.end(session);
    const note = restartNote ?? closed;
    const run = reflections.startReflection(reflection);
    return {
      session: { ...cleared, walk: undefined, reflection: run },
      replies: [reflectionPromptReply(this.library, reflection, run, note)],
    };
  }

  /** A typed answer (or a skip, null) to the current prompt; after the last, the summary, and the answers are gone. */
  answerReflection(text: string | null, session: Session): TurnResult {
    const run = session.reflection;
    const reflection = run ? this.library.reflection(run.reflection) : undefined;
    if (!run || !reflection) return { session: { ...session, reflection: undefined }, replies: [menuReply(this.library, 'There is no reflective session under way.')] };
    const next = reflections.answer(run, text);
    if (reflections.finished(reflection, next)) {
      // Kept for a case note: which prompts were answered, never the answers.
      const noted = { kind: 'reflection' as const, reflection: reflection.id, answered: next.answers.map((a) => a !== null), at: this.now() };
      return { session: { ...session, reflection: undefined, noted }, replies: [reflectionSummaryReply(reflection, next)] };
    }
    return { session: { ...session, reflection: next }, replies: [reflectionPromptReply(this.library, reflection, next)] };
  }

  /** The current step of whatever is under way, or undefined when nothing is. */
  current(session: Session, note?: string): TurnResult | undefined {
    const scenario = session.scenario && this.library.scenario(session.scenario.scenario);
    if (scenario && session.scenario) return { session, replies: [scenarioMomentReply(scenario, session.scenario, this.library, note)] };
    const reflection = session.reflection && this.library.reflection(session.reflection.reflection);
    if (reflection && session.reflection) return { session, replies: [reflectionPromptReply(this.library, reflection, session.reflection, note)] };
    return undefined;
  }

  back(session: Session): TurnResult | undefined {
    if (session.scenario) {
      const previous = scenarios.stepBack(session.scenario);
      if (!previous) return this.current(session, 'This is the first moment, so there is nothing to go back to.');
      return this.current({ ...session, scenario: previous });
    }
    if (session.reflection) {
      const previous = reflections.stepBack(session.reflection);
      if (!previous) return this.current(session, 'This is the first question, so there is nothing to go back to.');
      return this.current({ ...session, reflection: previous });
    }
    return undefined;
  }

  startOver(session: Session): TurnResult | undefined {
    if (session.scenario) return this.startScenario(session.scenario.scenario, session);
    if (session.reflection) return this.startReflection(session.reflection.reflection, session, 'Starting again: the earlier answers are deleted.');
    return undefined;
  }
}
