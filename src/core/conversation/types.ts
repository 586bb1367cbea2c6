/**
 * What the conversation core takes in and gives back. Channel-neutral: the
 * bot layer turns a Reply into a Bot Framework activity (text, buttons and
 * `channelData.guidance`), and a future Agents SDK layer could do the same.
 */
import { z } from 'zod';
import type { Citation } from '../content/library';
import type { ReflectionRun } from '../practice/reflections';
import type { PracticeProgress, ScenarioRun } from '../practice/scenarios';
import type { TreeWalk } from '../trees/engine';

export type GuidanceKind =
  | 'welcome'
  | 'menu'
  | 'help'
  | 'card'
  | 'tree'
  | 'choices'
  | 'fallback'
  | 'emergency'
  | 'feedback'
  /** A short friendly answer to hello, thanks, bye or who are you: never a card. */
  | 'small-talk'
  /** Practice: a moment of a scenario, the grade of a response, the debrief, the trainee's progress. */
  | 'scenario'
  | 'grade'
  | 'debrief'
  | 'progress'
  /** Reflect: a prompt of a reflective session, and the summary at its end. */
  | 'reflection'
  | 'reflection-summary'
  /** "Copy for case notes": a plain-text record of the guidance reached, nothing typed in it. */
  | 'case-note'
  /** "Talk to someone": the organisation's contacts (duty manager, DA lead, MARAC coordinator, IDVA). */
  | 'contact';

export const COMMANDS = [
  'menu',
  'help',
  'back',
  'start-over',
  'cancel',
  'resume',
  'practice',
  'random-scenario',
  'progress',
  'reflect',
  'shift',
  'skip',
  'case-note',
  'contact',
  'alert',
] as const;
export type Command = (typeof COMMANDS)[number];

/** What a button posts back as the activity's `value`. Parsed strictly: values come from outside. */
export const ActionValue = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), tree: z.string().min(1) }),
  z.object({ action: z.literal('choose'), tree: z.string().min(1), node: z.string().min(1), choice: z.string().min(1) }),
  z.object({ action: z.literal('open'), card: z.string().min(1) }),
  z.object({ action: z.literal('command'), command: z.enum(COMMANDS) }),
  z.object({ action: z.literal('scenario'), scenario: z.string().min(1) }),
  z.object({
    action: z.literal('respond'),
    scenario: z.string().min(1),
    moment: z.string().min(1),
    response: z.string().min(1),
  }),
  z.object({ action: z.literal('reflect'), reflection: z.string().min(1) }),
  /** "Was this helpful?": `id` is a card id, or `tree-id/node-id` for a tree outcome. */
  z.object({ action: z.literal('feedback'), id: z.string().min(1).max(200), helpful: z.boolean() }),
]);
export type ActionValue = z.infer<typeof ActionValue>;

export interface Choice {
  label: string;
  value: ActionValue;
}

/** A block of reply text: a paragraph, a bulleted list or a list of phrasings to try. */
export interface ReplySection {
  heading?: string;
  style: 'text' | 'bullets' | 'quotes';
  lines: string[];
}

export interface Reply {
  kind: GuidanceKind;
  /** Card id (kind card), tree id (tree), scenario id (scenario, grade, debrief) or session id (reflection). */
  id?: string;
  node?: string;
  /** The scenario moment or reflective prompt shown. */
  step?: string;
  /** A debrief's score, 0-100. */
  score?: number;
  /** A graded response's grade, or a debrief's overall grade. */
  grade?: string;
  outcome?: boolean;
  title?: string;
  sections: ReplySection[];
  choices: Choice[];
  /** Related or next-best ids offered with a card. */
  alternatives?: string[];
  /** The ids offered by a "did you mean" reply, or the nearest topics named by a fallback. */
  ids?: string[];
  source?: Citation;
  /** What "Was this helpful?" rates, on cards and tree outcomes: a card id or `tree-id/node-id`. */
  feedbackId?: string;
  /**
   * A line shown above the reply when the message had danger signs but did not say they are
   * happening now: "If anyone is in danger right now, call 999."
   */
  caution?: string;
  /**
   * Why the danger check decided as it did ("now:attack-in-progress", "caution:threat-untimed"),
   * on the emergency reply and on a reply carrying the caution line. A rule name, never the text.
   */
  danger?: string;
  /** A case note's plain text, to paste into a case management system (kind case-note). */
  record?: string;
  /** Links that open outside Waypoint (a Teams chat or call with a contact): never posted back. */
  links?: Array<{ label: string; url: string }>;
  /**
   * The conversation's first reply with choices: a host that shows buttons says once, here,
   * that an option can also be typed or its number (buttons do not work in every client).
   */
  explainChoices?: true;
}

/**
 * Conversation state: small and serialisable. It holds nothing the user typed,
 * with one exception: the answers of a reflective session in progress, which
 * are deleted when the session ends (see practice/reflections.ts).
 */
export interface Session {
  /** At most one of walk, scenario and reflection is under way. */
  walk?: TreeWalk;
  scenario?: ScenarioRun;
  reflection?: ReflectionRun;
  /** The choices the last reply offered, so a typed number or label can pick one. */
  offered: Choice[];
  /** Whether the introduction (what Waypoint is, no client details) has been shown. */
  introduced: boolean;
  /** Whether a reply has said how to choose without the buttons (once per conversation). */
  choicesExplained?: boolean;
  /** Epoch milliseconds of the last turn; idle sessions are started afresh. */
  lastActive: number;
  /** What has been rated in this conversation, so a double tap counts once. Ids only, capped. */
  rated?: string[];
  /** The guidance last reached (a tree outcome, a debrief, a reflective summary), for "Copy for case notes". */
  noted?: NotedGuidance;
}

/** Guidance reached, as ids and the options chosen: never anything typed. */
export type NotedGuidance = { at: number } & (
  | { kind: 'tree'; walk: TreeWalk }
  | { kind: 'scenario'; scenario: string; path: ScenarioRun['path'] }
  /** Which prompts were answered (true) or skipped (false); the answers themselves are never kept. */
  | { kind: 'reflection'; reflection: string; answered: boolean[] }
);

/** One incoming message: typed text, a button value, or both (Teams messageBack sends both). */
export interface Input {
  text?: string;
  value?: unknown;
}

/**
 * The trainee's practice record as a host passes it in: the record, `undefined` when there is none
 * yet, or UNREAD when the host has not read it. A host reads the record (kept per user) only on
 * turns that need it: it passes UNREAD, and a turn that needs the record returns `needsProgress`
 * and nothing else, to be run again with the record.
 */
export const UNREAD = Symbol('practice record not read');
export type ProgressInput = PracticeProgress | undefined | typeof UNREAD;

export interface TurnResult {
  replies: Reply[];
  /** The next session: the very object the turn was given when the turn changed nothing, so a host need not save it. */
  session: Session;
  /** The trainee's practice record (kept per user), when this turn changed it. */
  progress?: PracticeProgress;
  /** The turn needs the practice record and was given UNREAD: run it again with the record. */
  needsProgress?: true;
  /** The worker asked for an alert to the team's channel: the host sends it (see AlertRequest). */
  alert?: AlertRequest;
}

/**
 * An alert to the organisation's alert channel: which guidance was reached, when, and that the
 * worker asked for contact. Built from content titles only: it never carries anything typed.
 */
export interface AlertRequest {
  /** The guidance reached, as titles ("Should I report to the police on 101?: <the step>"), or undefined when none yet. */
  guidance?: string;
  /** Epoch milliseconds. */
  at: number;
}
