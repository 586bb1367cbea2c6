/**
 * The Bot Framework face of Waypoint. It routes messages and "bot added"
 * events to the guidance dialog and saves conversation state at the end of
 * every turn. It never logs what anyone typed.
 */
import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { GUIDANCE_DIALOG, type GuidanceDialog } from './guidanceDialog';

export class WaypointBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    dialog: GuidanceDialog,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(dialog);

    this.onMessage(async (context, next) => {
      await this.runDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const someoneElse = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (someoneElse) await this.runDialog(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.runDialog(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  private async runDialog(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(GUIDANCE_DIALOG);
  }
}
