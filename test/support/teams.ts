/**
 * Teams-shaped activities for tests against the real server: the fields
 * Teams sends (channel msteams, tenant in channelData and on the
 * conversation, conversation types, @mention entities), posted with
 * deliveryMode "expectReplies" so the replies come back in the response.
 */
import { randomUUID } from 'node:crypto';
import type { BotReply } from '../../src/client/localClient';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const OTHER_TENANT = '99999999-8888-7777-6666-555555555555';
export const BOT = { id: '28:waypoint-bot', name: 'Waypoint' };

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface TeamsPost {
  status: number;
  /** The message replies (expectReplies), or [] when there were none. */
  replies: BotReply[];
  body: unknown;
}

export class TeamsConversation {
  readonly user = { id: `29:${randomUUID()}`, name: 'Worker', aadObjectId: randomUUID() };

  constructor(
    private readonly endpoint: string,
    readonly conversationType: ConversationType = 'personal',
    readonly conversationId = `a:${randomUUID()}`,
    readonly tenant = TENANT,
  ) {}

  /** The same conversation seen from another tenant, or another thread of the same channel. */
  with(changes: { tenant?: string; conversationId?: string }): TeamsConversation {
    return new TeamsConversation(this.endpoint, this.conversationType, changes.conversationId ?? this.conversationId, changes.tenant ?? this.tenant);
  }

  say(text: string, options: { mention?: boolean } = {}): Promise<TeamsPost> {
    if (!options.mention) return this.post({ type: 'message', text });
    const mention = `<at>${BOT.name}</at>`;
    return this.post({
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', text: mention, mentioned: BOT }],
    });
  }

  /** An Action.Submit press: Teams posts a message whose value is the button's data, with no text. */
  submit(value: unknown): Promise<TeamsPost> {
    return this.post({ type: 'message', value });
  }

  install(): Promise<TeamsPost> {
    return this.post({ type: 'installationUpdate', action: 'add' });
  }

  membersAdded(members: Array<{ id: string }>): Promise<TeamsPost> {
    return this.post({ type: 'conversationUpdate', membersAdded: members });
  }

  /** A compose-box search; the invoke's answer is the HTTP body. */
  search(query: string | undefined, commandId = 'searchGuidance'): Promise<TeamsPost> {
    const parameters = query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }];
    return this.post({ type: 'invoke', name: 'composeExtension/query', value: { commandId, parameters, queryOptions: { skip: 0, count: 25 } } }, false);
  }

  async post(activity: Record<string, unknown>, expectReplies = true, headers: Record<string, string> = {}): Promise<TeamsPost> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        timestamp: new Date().toISOString(),
        from: this.user,
        recipient: BOT,
        conversation: { id: this.conversationId, conversationType: this.conversationType, tenantId: this.tenant, isGroup: this.conversationType !== 'personal' },
        channelData: { tenant: { id: this.tenant } },
        ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
        ...activity,
      }),
    });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const activities = (body as { activities?: BotReply[] } | undefined)?.activities ?? [];
    return { status: response.status, body, replies: activities.filter((a) => a.type === 'message') };
  }
}
