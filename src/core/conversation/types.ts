/**
 * What the conversation core takes in and gives back. Channel-neutral: the
 * bot layer turns a Reply into a Bot Framework activity (text, buttons and
 * `channelData.guidance`), and a future Agents SDK layer could do the same.
 */
import { z } from 'zod';
import type { Citation } from '../content/library';
import type { TreeWalk } from '../trees/engine';

export type GuidanceKind = 'welcome' | 'menu' | 'help' | 'card' | 'tree' | 'choices' | 'fallback' | 'emergency';

export const COMMANDS = ['menu', 'help', 'back', 'start-over', 'cancel', 'resume'] as const;
export type Command = (typeof COMMANDS)[number];

/** What a button posts back as the activity's `value`. Parsed strictly: values come from outside. */
export const ActionValue = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), tree: z.string().min(1) }),
  z.object({ action: z.literal('choose'), tree: z.string().min(1), node: z.string().min(1), choice: z.string().min(1) }),
  z.object({ action: z.literal('open'), card: z.string().min(1) }),
  z.object({ action: z.literal('command'), command: z.enum(COMMANDS) }),
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
  /** Card id (kind card) or tree id (kind tree). */
  id?: string;
  node?: string;
  outcome?: boolean;
  title?: string;
  sections: ReplySection[];
  choices: Choice[];
  /** Related or next-best ids offered with a card. */
  alternatives?: string[];
  /** The ids offered by a "did you mean" reply. */
  ids?: string[];
  source?: Citation;
}

/** Conversation state: small, serialisable and free of anything the user typed. */
export interface Session {
  walk?: TreeWalk;
  /** The choices the last reply offered, so a typed number or label can pick one. */
  offered: Choice[];
  /** Whether the introduction (what Waypoint is, no client details) has been shown. */
  introduced: boolean;
  /** Epoch milliseconds of the last turn; idle sessions are started afresh. */
  lastActive: number;
}

/** One incoming message: typed text, a button value, or both (Teams messageBack sends both). */
export interface Input {
  text?: string;
  value?: unknown;
}

export interface TurnResult {
  replies: Reply[];
  session: Session;
}
