/**
 * Alerts to the organisation's alert channel (issue 15): when a worker on "Talk to someone"
 * asks for one, a message to a Teams channel saying which guidance they reached, when, and
 * that they asked for contact. It is built from content titles and the worker's Teams display
 * name: never anything typed, so no client's details.
 *
 * Teams only lets a bot post to a channel it knows the conversation reference of, so the
 * reference is kept (in the same state store as conversations) when Waypoint is added to that
 * channel's team or @mentioned there. In local mode there is no channel: the alert is shown in
 * the worker's own chat and written to the log instead.
 */
import { TurnContext, type CloudAdapter, type ConversationReference, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import type { AlertRequest } from '../core/conversation/types';
import { ukTime } from '../core/conversation/ukTime';

export interface AlertSender {
  /** Keeps the alert channel's conversation reference when this activity comes from that channel. */
  capture(context: TurnContext): Promise<void>;
  /** Sends the alert; returns text to show the worker instead (local mode), or nothing. Throws when it cannot be sent. */
  send(alert: AlertRequest, worker: string | undefined): Promise<string | undefined>;
}

export function alertText(alert: AlertRequest, worker: string | undefined): string {
  return [
    `Waypoint alert: ${worker ? `${worker} asked` : 'a worker asked'} for contact at ${ukTime(alert.at)} (UK time).`,
    `Guidance reached: ${alert.guidance ?? 'none yet'}.`,
    'Waypoint sends no details of the situation: contact the worker directly.',
  ].join('\n\n');
}

/** Where the channel's reference is kept in the state store. */
const KEY = 'waypoint/alert-channel/';

interface ReferenceItem {
  reference?: Partial<ConversationReference>;
  eTag?: string;
}

export class TeamsAlertChannel implements AlertSender {
  constructor(
    private readonly store: Storage,
    private readonly adapter: CloudAdapter,
    /** The bot's app id ('' in local mode), which proactive messages are sent as. */
    private readonly appId: string,
    /** The Teams channel id alerts go to (19:...@thread.tacv2). */
    private readonly channelId: string,
    private readonly logger: Logger,
  ) {}

  async capture(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channel = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    const conversation = activity.conversation?.id?.split(';')[0];
    if (activity.channelId !== 'msteams' || (channel !== this.channelId && conversation !== this.channelId)) return;
    // The channel itself, not the thread the activity came in: each alert starts a new post.
    const found = TurnContext.getConversationReference(activity);
    const reference = { ...found, conversation: { ...found.conversation, id: this.channelId } } as Partial<ConversationReference>;
    await this.store.write({ [KEY]: { reference, eTag: '*' } satisfies ReferenceItem });
    this.logger.info({ alerts: 'channel reference kept' }, 'alert channel found');
  }

  async send(alert: AlertRequest, worker: string | undefined): Promise<undefined> {
    const item = (await this.store.read([KEY]))[KEY] as ReferenceItem | undefined;
    if (!item?.reference) throw new Error('The alert channel is not known yet: add Waypoint to that channel\'s team.');
    await this.adapter.continueConversationAsync(this.appId, item.reference, async (context) => {
      await context.sendActivity(alertText(alert, worker));
    });
    this.logger.info({ alert: { guidance: alert.guidance ?? null } }, 'alert sent');
    return undefined;
  }
}

/** Local mode: no Teams channel, so the alert is logged and shown to the worker. */
export class LocalAlerts implements AlertSender {
  constructor(private readonly logger: Logger) {}

  async capture(): Promise<void> {}

  async send(alert: AlertRequest, worker: string | undefined): Promise<string> {
    this.logger.info({ alert: { guidance: alert.guidance ?? null } }, 'alert (local mode: logged and shown, not sent)');
    return `Local mode: there is no Teams channel here, so this is what your team would get:\n\n${alertText(alert, worker)}`;
  }
}
