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
import { isGroupConversation, mentionsBot, textWithoutBotMention } from './teams';

/** Guidance for a compose-box search: the best matches, or the menu's items for an empty query. */
export type Lookup = (query: string, limit: number) => Reply[];

export class WaypointBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    dialog: GuidanceDialog,
    private readonly lookup: Lookup,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(dialog);

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

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
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

  private async runDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(GUIDANCE_DIALOG);
  }
}
