/**
 * What Waypoint keeps between turns, read and written without BotState or a
 * dialog stack: the core's session, one item per conversation, and the
 * trainee's practice record, one item per user, read only on turns that need
 * it (see ProgressInput in core/conversation/types.ts).
 *
 * A turn reads its conversation's item once and writes at most once, only
 * when the core changed something, on condition that nobody has written the
 * item since this turn read it (its eTag). So when two turns for one
 * conversation run at once (a double tap reaching two instances) the second
 * to save is refused ("eTag conflict") and WaypointBot.run re-runs it on the
 * state the first one saved, instead of silently overwriting it. A
 * conversation's first write is unconditional (neither botbuilder store can
 * write "only if absent"); a first message has no earlier state or buttons
 * that two turns could apply twice.
 *
 * Keys are botbuilder's own (`channel/conversations/id/`, `channel/users/id/`),
 * so the store's layout is what any Bot Framework tooling expects.
 */
import type { Storage, StoreItem, TurnContext } from 'botbuilder';
import type { Session } from '../core/conversation/types';
import type { PracticeProgress } from '../core/practice/scenarios';

interface ConversationItem extends StoreItem {
  session?: Session;
}

interface UserItem extends StoreItem {
  practice?: PracticeProgress;
}

/** An item as this turn read it: its key, its value and its version. */
interface Read<T> {
  key: string;
  value: T | undefined;
  eTag?: string;
}

/** One turn's state: what it read, what it changed, and `save` to write only the changes. */
export class TurnState {
  /** The session the core should continue (undefined: a new conversation). */
  session: Session | undefined;
  private progressRead?: Read<PracticeProgress>;
  private progressChanged?: PracticeProgress;

  constructor(
    private readonly store: Storage,
    private readonly conversation: Read<Session>,
    private readonly userKey: string | undefined,
  ) {
    this.session = conversation.value;
  }

  /** The practice record, read from the store the first time a turn asks for it. */
  async progress(): Promise<PracticeProgress | undefined> {
    if (!this.userKey) return undefined;
    this.progressRead ??= await readItem<UserItem, PracticeProgress>(this.store, this.userKey, (item) => item.practice);
    return this.progressChanged ?? this.progressRead.value;
  }

  setProgress(progress: PracticeProgress): void {
    this.progressChanged = progress;
  }

  /**
   * Writes what changed. The practice record goes first: if it loses to a concurrent write, the
   * turn is re-run before its session is saved, so a scenario's result is never recorded twice.
   */
  async save(): Promise<void> {
    if (this.progressChanged && this.userKey) {
      await this.store.write({ [this.userKey]: { practice: this.progressChanged, eTag: this.progressRead?.eTag ?? '*' } satisfies UserItem });
    }
    if (this.session !== this.conversation.value && this.session) {
      await this.store.write({ [this.conversation.key]: { session: this.session, eTag: this.conversation.eTag ?? '*' } satisfies ConversationItem });
    }
  }
}

/** Reads each turn's state from one store (memory or Blob Storage). */
export class TurnStateStore {
  constructor(readonly store: Storage) {}

  /** The conversation's state: one read. */
  async read(context: TurnContext): Promise<TurnState> {
    const conversation = await readItem<ConversationItem, Session>(this.store, conversationKey(context), (item) => item.session);
    return new TurnState(this.store, conversation, userKey(context));
  }

  /** Deletes the conversation's state (after a failed turn, so a broken state cannot wedge it). */
  async deleteConversation(context: TurnContext): Promise<void> {
    await this.store.delete([conversationKey(context)]);
  }
}

async function readItem<I extends StoreItem, T>(store: Storage, key: string, valueOf: (item: I) => T | undefined): Promise<Read<T>> {
  const item = (await store.read([key]))[key] as I | undefined;
  if (!item || typeof item !== 'object') return { key, value: undefined };
  const eTag = typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : undefined;
  return { key, value: valueOf(item), eTag };
}

/** botbuilder's ConversationState key (namespace empty). */
function conversationKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  if (!channelId || !conversation?.id) throw new Error('An activity without a channel or conversation id has no conversation state.');
  return `${channelId}/conversations/${conversation.id}/`;
}

/** botbuilder's UserState key (namespace empty); none when the activity names no user. */
function userKey(context: TurnContext): string | undefined {
  const { channelId, from } = context.activity;
  return channelId && from?.id ? `${channelId}/users/${from.id}/` : undefined;
}

/** The error both MemoryStorage and BlobsStorage throw when a conditional write loses. */
export function isConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/.test(error.message);
}
