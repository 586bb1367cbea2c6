/**
 * A minimal Bot Framework client for local mode: it posts activities to
 * /api/messages with deliveryMode "expectReplies" and returns the replies
 * from the HTTP response. Used by the terminal chat and the tests, so both
 * exercise the same path the Emulator and Agents Playground use.
 */
import { randomUUID } from 'node:crypto';
import type { GuidanceChannelData } from '../bot/render';

export interface BotReply {
  type: string;
  text?: string;
  /** The plain-text fallback of a reply sent as a card. */
  summary?: string;
  value?: unknown;
  attachments?: Array<{ contentType: string; content: unknown }>;
  suggestedActions?: { actions: Array<{ type: string; title: string; value: unknown }> };
  channelData?: { guidance?: GuidanceChannelData };
}

export class LocalConversation {
  readonly conversationId: string;
  readonly user: { id: string; name: string };
  private readonly bot = { id: 'waypoint', name: 'Waypoint' };

  constructor(
    private readonly endpoint: string,
    readonly channelId = 'test',
    /** The same user can hold several conversations; their user state follows them. */
    user?: { id: string; name: string },
    conversationId?: string,
  ) {
    this.user = user ?? { id: `user-${randomUUID()}`, name: 'Worker' };
    this.conversationId = conversationId ?? `local-${randomUUID()}`;
  }

  /** The same conversation, sent to another endpoint (another instance of the bot). */
  at(endpoint: string): LocalConversation {
    return new LocalConversation(endpoint, this.channelId, this.user, this.conversationId);
  }

  /** The user opens the chat: the bot is "added" and may welcome them. */
  join(): Promise<BotReply[]> {
    return this.post({ type: 'conversationUpdate', membersAdded: [this.user, this.bot] });
  }

  say(text: string): Promise<BotReply[]> {
    return this.post({ type: 'message', text });
  }

  /** Presses a button: posts its value, and its label as text, as Teams messageBack does. */
  press(value: unknown, label?: string): Promise<BotReply[]> {
    return this.post({ type: 'message', value, ...(label ? { text: label } : {}) });
  }

  async post(activity: Record<string, unknown>): Promise<BotReply[]> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: this.channelId,
        serviceUrl: 'http://localhost',
        timestamp: new Date().toISOString(),
        conversation: { id: this.conversationId },
        from: this.user,
        recipient: this.bot,
        deliveryMode: 'expectReplies',
        ...activity,
      }),
    });
    if (!response.ok) throw new Error(`the bot answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { activities?: BotReply[] };
    return (body.activities ?? []).filter((a) => a.type === 'message');
  }
}
