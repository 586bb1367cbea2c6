/**
 * Turns a core Reply into a Bot Framework message activity: an Adaptive Card
 * (with a plain-text fallback) where the channel shows cards, numbered text
 * elsewhere, up to three quick replies in 1:1 chats, and
 * `channelData.guidance` so clients, telemetry and tests can tell exactly
 * what was shown.
 */
import { ActionTypes, ActivityTypes, type Activity } from 'botbuilder';
import type { Reply } from '../core/conversation/types';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCard } from './adaptiveCard';
import { replyText, summaryLine } from './text';

/** The contract carried on every reply (see README, "The guidance contract"). */
export interface GuidanceChannelData {
  kind: Reply['kind'];
  id?: string;
  node?: string;
  outcome?: boolean;
  /** The scenario moment or reflective prompt shown. */
  step?: string;
  /** A debrief's score, 0-100. */
  score?: number;
  /** A graded response's grade, or a debrief's overall grade. */
  grade?: string;
  alternatives?: string[];
  ids?: string[];
  /** The danger check's rule, when it raised the emergency reply or the caution line. */
  danger?: string;
  /** A case note's plain text (kind case-note), for a client's copy button. */
  record?: string;
  /** Links that open outside Waypoint (kind contact: a Teams chat or call). */
  links?: Array<{ label: string; url: string }>;
  choices: Array<{ label: string; value: unknown }>;
  /** `document` is the registry id, `section` the heading as printed; the ids and short title come too. */
  source?: { document: string; section: string; documentTitle: string; sectionId: string; date?: string; paragraphs?: string };
}

export function guidanceOf(reply: Reply): GuidanceChannelData {
  const data: GuidanceChannelData = { kind: reply.kind, choices: reply.choices.map(({ label, value }) => ({ label, value })) };
  if (reply.id !== undefined) data.id = reply.id;
  if (reply.node !== undefined) data.node = reply.node;
  if (reply.outcome !== undefined) data.outcome = reply.outcome;
  if (reply.step !== undefined) data.step = reply.step;
  if (reply.score !== undefined) data.score = reply.score;
  if (reply.grade !== undefined) data.grade = reply.grade;
  if (reply.alternatives) data.alternatives = reply.alternatives;
  if (reply.ids) data.ids = reply.ids;
  if (reply.danger) data.danger = reply.danger;
  if (reply.record) data.record = reply.record;
  if (reply.links && reply.links.length > 0) data.links = reply.links;
  if (reply.source) {
    const { document, section, documentTitle, sectionTitle, documentDate, paragraphs } = reply.source;
    data.source = { document, section: sectionTitle, documentTitle, sectionId: section };
    if (documentDate) data.source.date = documentDate;
    if (paragraphs) data.source.paragraphs = paragraphs;
  }
  return data;
}

/** Where a reply is going: which channel, and whether it is a group chat or channel rather than a 1:1 chat. */
export interface RenderTarget {
  channelId: string;
  group: boolean;
}

/** Channels that show Adaptive Cards; anything else gets text with numbered options. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);

/** Teams shows at most three suggested actions. */
const MAX_SUGGESTED = 3;

export function toActivity(reply: Reply, target: RenderTarget = { channelId: 'test', group: false }): Partial<Activity> {
  const activity: Partial<Activity> = { type: ActivityTypes.Message, channelData: { guidance: guidanceOf(reply) } };
  // A one-line note with nothing to press (the introduction) reads best as plain text everywhere.
  const isNote = !reply.title && reply.choices.length === 0 && !reply.source;
  if (CARD_CHANNELS.has(target.channelId) && !isNote) {
    const card = adaptiveCard(reply);
    activity.attachments = [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }];
    // The card carries its own text fallback (fallbackText); the activity's summary is only the
    // one line a notification or chat list shows, so a reply is not sent twice over.
    const summary = summaryLine(reply);
    if (summary) activity.summary = summary;
  } else {
    activity.text = replyText(reply);
    activity.textFormat = 'markdown';
  }
  // Quick replies post plain text; in a group chat or channel that text would not mention the bot.
  // A note is always followed by the reply it introduces, which carries its own.
  if (!target.group && !isNote) {
    const quick = quickReplies(reply);
    if (quick.length > 0) {
      activity.suggestedActions = {
        to: [],
        actions: quick.slice(0, MAX_SUGGESTED).map((word) => ({ type: ActionTypes.ImBack, title: word, value: word.toLowerCase() })),
      };
    }
  }
  return activity;
}

/** Commands worth one tap from here: the way back and out of a walk-through, or the menu and help. */
function quickReplies(reply: Reply): string[] {
  if (reply.kind === 'tree' && reply.node !== undefined) return ['Back', 'Start over', 'Menu'];
  if (reply.kind === 'scenario') return ['Back', 'Start over', 'Menu'];
  // In a reflective session anything typed is an answer, so the way out is offered as a tap.
  if (reply.kind === 'reflection') return ['Back', 'Skip', 'Menu'];
  if (reply.kind === 'menu' || reply.kind === 'welcome') return ['Help'];
  if (reply.kind === 'emergency') return [];
  return ['Menu', 'Help'];
}
