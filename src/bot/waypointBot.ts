/**
 * The Bot Framework face of Waypoint, Teams-aware. It routes messages,
 * installs and "bot added" events to the guidance dialog, answers searches
 * from the compose box, and saves conversation and user state at the end of
 * every turn. It never logs what anyone typed.
 *
 * In group chats and channels Waypoint speaks only when @mentioned (button
 * presses on its own cards are always answered); conversation state is kept
 * per conversation id, which in a Teams channel is per thread.
 */
import {
  ActivityTypes,
  TeamsActivityHandler,
  type ConversationState,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { Reply } from '../core/conversation/types';
import { GUIDANCE_DIALOG, type GuidanceDialog } from './guidanceDialog';
import { MAX_RESULTS, queryText, SEARCH_COMMAND, searchResponse } from './messageExtension';
import { isConflict, type VersionedStorage } from '../storage/versionedStorage';
import { replyHoldOf } from './replyHold';
import { isGroupConversation, mentionsBot, textWithoutBotMention } from './teams';
import type { InvokeResponse } from 'botbuilder';
import { QUERY_INVOKE } from './messageExtension';

/** How often a turn is re-run after losing a save to a concurrent turn before giving up. */
const MAX_ATTEMPTS = 3;

export interface WaypointBotOptions {
  conversationState: ConversationState;
  userState: UserState;
  /** The storage both states use, which tracks what each turn read (see storage/versionedStorage.ts). */
  storage: VersionedStorage;
  dialog: GuidanceDialog;
  lookup: Lookup;
  /** Conversation state idle for longer than this is deleted and the conversation starts afresh. */
  idleMs: number;
  now?: () => number;
}

/** Guidance for a compose-box search: the best matches, or the menu's items for an empty query. */
export type Lookup = (query: string, limit: number) => Reply[];

export class WaypointBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly lastActive: StatePropertyAccessor<number | undefined>;
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;
  private readonly lookup: Lookup;

  constructor(private readonly options: WaypointBotOptions) {
    super();
    this.conversationState = options.conversationState;
    this.userState = options.userState;
    this.lookup = options.lookup;
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.lastActive = this.conversationState.createProperty<number | undefined>('lastActive');
    this.dialogs = new DialogSet(this.dialogState).add(options.dialog);

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const pressed = activity.value !== undefined && activity.value !== null;
      // In a group chat or channel, a message not addressed to Waypoint is none of its business.
      if (isGroupConversation(activity) && !pressed && !mentionsBot(activity)) return next();
      activity.text = textWithoutBotMention(activity) ?? activity.text;
      await this.runDialog(context);
      await next();
    });

    // Teams announces an install twice (installationUpdate, then membersAdded with the bot); the
    // dialog welcomes a conversation once. Other members joining a team or chat get no welcome.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.runDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const welcome =
        context.activity.channelId === 'msteams'
          ? added.some((member) => member.id === botId) // Waypoint itself was added
          : added.some((member) => member.id !== botId); // a user opened a chat (Web Chat, Emulator)
      if (welcome) await this.runDialog(context);
      await next();
    });
  }

  /**
   * One turn: run it, save state, then send the replies. A save that loses to
   * a concurrent turn for the same conversation (another instance, a double
   * tap) re-runs the turn on the state that turn saved, so a stale press is
   * recognised as stale rather than applied twice, and only the final
   * attempt's replies are sent.
   */
  override async run(context: TurnContext): Promise<void> {
    // Compose-box searches and other invokes neither read nor write conversation state.
    if (context.activity.type === ActivityTypes.Invoke) return super.run(context);
    const hold = replyHoldOf(context);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.storage.runTurn(async () => {
          if (attempt > 1) {
            await this.conversationState.load(context, true);
            await this.userState.load(context, true);
          }
          await super.run(context);
          await this.conversationState.saveChanges(context, false);
          await this.userState.saveChanges(context, false);
        });
        await hold?.release();
        return;
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
        hold?.discard();
      }
    }
  }

  /** Idle conversation state is deleted, not just ignored: the conversation starts afresh. */
  private async expireIdle(context: TurnContext): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    const last = await this.lastActive.get(context);
    if (last !== undefined && now - last > this.options.idleMs) await this.conversationState.delete(context);
    await this.lastActive.set(context, now);
  }

  /**
   * Waypoint answers one invoke, the compose-box search; any other gets 501
   * Not Implemented before the SDK's own handlers run. Those read the value
   * before finding they have nothing to do, so a malformed one (an
   * `adaptiveCard/action` whose value is 5, a `fileConsent/invoke` without a
   * value) would throw a TypeError: a 500, and a reset conversation.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== QUERY_INVOKE) return { status: 501 };
    return super.onInvokeActivity(context);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    // Invokes come from outside: one without a query is a bad request (400), not a crash.
    if (typeof query !== 'object' || query === null) throw new Error('BadRequest');
    if (query.commandId !== SEARCH_COMMAND) {
      return { composeExtension: { type: 'message', text: 'Waypoint does not know that command.' } };
    }
    return searchResponse(this.lookup(queryText(query), MAX_RESULTS));
  }

  /** Only turns Waypoint answers touch conversation state: a channel message not addressed to it leaves none. */
  private async runDialog(context: TurnContext): Promise<void> {
    await this.expireIdle(context);
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(GUIDANCE_DIALOG);
  }
}
