/**
 * Turns a core Reply into a Bot Framework message activity: readable text,
 * buttons that post the guidance contract's `value` objects, and
 * `channelData.guidance` so clients, telemetry and tests can tell exactly
 * what was shown.
 */
import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import type { Reply } from '../core/conversation/types';
import { replyText } from './text';

/** The contract carried on every reply (see README, "The guidance contract"). */
export interface GuidanceChannelData {
  kind: Reply['kind'];
  id?: string;
  node?: string;
  outcome?: boolean;
  alternatives?: string[];
  ids?: string[];
  choices: Array<{ label: string; value: unknown }>;
  /** `document` is the registry id, `section` the heading as printed; the ids and short title come too. */
  source?: { document: string; section: string; documentTitle: string; sectionId: string; date?: string; paragraphs?: string };
}

export function guidanceOf(reply: Reply): GuidanceChannelData {
  const data: GuidanceChannelData = { kind: reply.kind, choices: reply.choices.map(({ label, value }) => ({ label, value })) };
  if (reply.id !== undefined) data.id = reply.id;
  if (reply.node !== undefined) data.node = reply.node;
  if (reply.outcome !== undefined) data.outcome = reply.outcome;
  if (reply.alternatives) data.alternatives = reply.alternatives;
  if (reply.ids) data.ids = reply.ids;
  if (reply.source) {
    const { document, section, documentTitle, sectionTitle, documentDate, paragraphs } = reply.source;
    data.source = { document, section: sectionTitle, documentTitle, sectionId: section };
    if (documentDate) data.source.date = documentDate;
    if (paragraphs) data.source.paragraphs = paragraphs;
  }
  return data;
}

/** A button that posts its value; messageBack also shows the label as what the user "said". */
function button(label: string, value: unknown): CardAction {
  return { type: ActionTypes.MessageBack, title: label, text: label, displayText: label, value };
}

export function toActivity(reply: Reply): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: replyText(reply),
    textFormat: 'markdown',
    channelData: { guidance: guidanceOf(reply) },
  };
  if (reply.choices.length > 0) {
    activity.attachments = [CardFactory.heroCard('', undefined, reply.choices.map((c) => button(c.label, c.value)))];
  }
  return activity;
}
