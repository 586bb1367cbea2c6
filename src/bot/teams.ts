/**
 * Reading Teams-shaped activities safely: whether a message is in a group
 * chat or channel, whether it @mentions the bot, the text without that
 * mention, and the tenant it came from. Entities come from outside, so
 * malformed ones are skipped rather than trusted (botbuilder's own
 * removeRecipientMention throws on a mention without an id or text).
 */
import type { Activity } from 'botbuilder';

interface MentionEntity {
  type: 'mention';
  text?: string;
  mentioned: { id: string };
}

function isMention(entity: unknown): entity is MentionEntity {
  if (typeof entity !== 'object' || entity === null) return false;
  const { type, mentioned } = entity as { type?: unknown; mentioned?: unknown };
  return (
    typeof type === 'string' &&
    type.toLowerCase() === 'mention' &&
    typeof mentioned === 'object' &&
    mentioned !== null &&
    typeof (mentioned as { id?: unknown }).id === 'string'
  );
}

function botMentions(activity: Partial<Activity>): MentionEntity[] {
  const botId = activity.recipient?.id;
  const entities: unknown[] = Array.isArray(activity.entities) ? activity.entities : [];
  return entities.filter(isMention).filter((m) => botId !== undefined && m.mentioned.id === botId);
}

/** A group chat or a channel (where Waypoint answers only when mentioned), not a 1:1 chat. */
export function isGroupConversation(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'groupChat' || type === 'channel' || activity.conversation?.isGroup === true;
}

export function mentionsBot(activity: Partial<Activity>): boolean {
  return botMentions(activity).length > 0;
}

/** How many different @mention texts are taken out of one message. */
const MAX_MENTIONS_STRIPPED = 10;

/** The message text with every @mention of the bot taken out ("<at>Waypoint</at> what is marac" -> "what is marac"). */
export function textWithoutBotMention(activity: Partial<Activity>): string | undefined {
  if (typeof activity.text !== 'string') return activity.text;
  let text = activity.text;
  // Each mention text is one pass over the message; a real message mentions the bot once or twice.
  const mentionTexts = new Set(botMentions(activity).flatMap((m) => (typeof m.text === 'string' && m.text ? [m.text] : [])));
  for (const mentionText of [...mentionTexts].slice(0, MAX_MENTIONS_STRIPPED)) text = text.split(mentionText).join(' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** The Azure AD tenant an activity came from (Teams puts it in channelData and on the conversation). */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  const fromConversation = activity.conversation?.tenantId;
  return typeof fromConversation === 'string' && fromConversation ? fromConversation : undefined;
}
